import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, MoreThan, Not, Repository, type EntityManager } from 'typeorm';
import { ErrorCode, TOKEN_TTL_HOURS as SHARED_TTL, type Language } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { hashToken, newToken } from './tokens';
import { TokenPurpose, UserToken } from './user-token.entity';

/** Link lifetimes by purpose; the values live in the shared contract so the UI can tell them. */
export const TOKEN_TTL_HOURS: Record<TokenPurpose, number> = {
  [TokenPurpose.VerifyEmail]: SHARED_TTL.verifyEmail,
  [TokenPurpose.ChangeEmail]: SHARED_TTL.changeEmail,
  [TokenPurpose.ResetPassword]: SHARED_TTL.resetPassword,
};

/** Wrong passwords one registration link allows before it stops working. */
export const MAX_PASSWORD_ATTEMPTS = 5;

/** Unused, unexpired, and not ended by wrong passwords. */
const usable = (tokenHash: string) => ({
  tokenHash,
  usedAt: IsNull(),
  expiresAt: MoreThan(new Date()),
  failedAttempts: LessThan(MAX_PASSWORD_ATTEMPTS),
});

/** The credentials somebody chose when registering an address that is not verified yet. */
export interface PendingRegistration {
  passwordHash: string;
  displayName: string;
  language: Language;
}

export interface TokenDetails {
  /** ChangeEmail: the address to confirm. */
  newEmail?: string;
  /** VerifyEmail: the registration the link confirms. */
  registration?: PendingRegistration;
  /** VerifyEmail: confirming needs the password of a registration (see UserToken.passwordRequired). */
  passwordRequired?: boolean;
  /**
   * Keep the other links of this purpose. Registrations of one unverified address stand side by
   * side, so that a later registration by somebody else cannot void the owner's own link.
   */
  alongside?: boolean;
}

/**
 * One-time tokens for mailed links. Issuing a new one voids the older ones of the same purpose
 * (unless asked to keep them); every change of credentials voids them all (revokeAll).
 */
@Injectable()
export class UserTokensService {
  constructor(@InjectRepository(UserToken) private readonly tokens: Repository<UserToken>) {}

  async issue(userId: string, purpose: TokenPurpose, details: TokenDetails = {}, manager?: EntityManager): Promise<string> {
    const token = newToken();
    const write = async (m: EntityManager) => {
      if (!details.alongside) await m.delete(UserToken, { userId, purpose });
      await m.insert(UserToken, {
        userId,
        purpose,
        newEmail: details.newEmail ?? null,
        passwordHash: details.registration?.passwordHash ?? null,
        displayName: details.registration?.displayName ?? null,
        language: details.registration?.language ?? null,
        passwordRequired: details.passwordRequired ?? false,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + TOKEN_TTL_HOURS[purpose] * 3600_000),
      });
    };
    await (manager ? write(manager) : this.tokens.manager.transaction(write));
    return token;
  }

  /**
   * Marks the token used and returns it, if it is unused, unexpired and of one of the purposes.
   * The conditional update makes a token usable exactly once, even under concurrent requests.
   */
  async consume(token: string, purposes: TokenPurpose[], manager: EntityManager = this.tokens.manager): Promise<UserToken> {
    const found = await manager.findOne(UserToken, { where: usable(hashToken(token)) });
    if (!found || !purposes.includes(found.purpose)) {
      throw new DomainError(ErrorCode.TokenInvalid, 'This link is invalid or has expired. Please request a new one.');
    }
    const result = await manager.update(UserToken, { id: found.id, usedAt: IsNull() }, { usedAt: new Date() });
    if (!result.affected) throw new DomainError(ErrorCode.TokenInvalid, 'This link has already been used. Please request a new one.');
    return found;
  }

  /** The token if it could still be used, without using it. */
  findUsable(token: string, manager: EntityManager = this.tokens.manager): Promise<UserToken | null> {
    return manager.findOne(UserToken, { where: usable(hashToken(token)) });
  }

  /**
   * Counts a wrong password typed with this registration link, so that one mailed link allows only
   * a few guesses. The registration itself stays on file: its password still confirms it through
   * another link of the address. Answers whether the link still works.
   */
  async countFailedAttempt(id: string, manager: EntityManager = this.tokens.manager): Promise<boolean> {
    await manager.increment(UserToken, { id }, 'failedAttempts', 1);
    const link = await manager.findOne(UserToken, { where: { id } });
    return (link?.failedAttempts ?? MAX_PASSWORD_ATTEMPTS) < MAX_PASSWORD_ATTEMPTS;
  }

  /** From now on every registration link of the account asks for a password (see UserToken.passwordRequired). */
  async requirePasswordForRegistrations(userId: string, manager: EntityManager): Promise<void> {
    await manager.update(UserToken, { userId, purpose: TokenPurpose.VerifyEmail }, { passwordRequired: true });
  }

  /** The registrations of the account not confirmed yet, also those whose link expired or ended. */
  registrationsOnFile(userId: string, manager: EntityManager = this.tokens.manager): Promise<UserToken[]> {
    return manager.find(UserToken, {
      where: { userId, purpose: TokenPurpose.VerifyEmail, usedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }

  /** The links of this purpose that could still be used, newest first. */
  outstanding(userId: string, purpose: TokenPurpose, manager: EntityManager = this.tokens.manager): Promise<UserToken[]> {
    return manager.find(UserToken, {
      where: { userId, purpose, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
    });
  }

  async revoke(userId: string, purpose: TokenPurpose, manager: EntityManager = this.tokens.manager): Promise<void> {
    await manager.delete(UserToken, { userId, purpose });
  }

  /**
   * Ends every mailed link of the account. Called whenever its credentials or address change: a
   * link mailed before must not act on the account as it is now.
   */
  async revokeAll(userId: string, manager: EntityManager = this.tokens.manager): Promise<void> {
    await manager.delete(UserToken, { userId });
  }

  /**
   * Ends every other mailed link of the account and keeps the used confirmation link (used, so it
   * acts no more) until retention deletes it: opened again, it can say the address is confirmed.
   */
  async revokeAllBut(userId: string, keepId: string, manager: EntityManager): Promise<void> {
    await manager.delete(UserToken, { userId, id: Not(keepId) });
  }

  /** The token if it was used already (and not deleted since). */
  findUsed(token: string, manager: EntityManager = this.tokens.manager): Promise<UserToken | null> {
    return manager.findOne(UserToken, { where: { tokenHash: hashToken(token), usedAt: Not(IsNull()) } });
  }
}
