import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { ErrorCode, TOKEN_TTL_HOURS as SHARED_TTL } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { hashToken, newToken } from './tokens';
import { TokenPurpose, UserToken } from './user-token.entity';

/** Link lifetimes by purpose; the values live in the shared contract so the UI can tell them. */
export const TOKEN_TTL_HOURS: Record<TokenPurpose, number> = {
  [TokenPurpose.VerifyEmail]: SHARED_TTL.verifyEmail,
  [TokenPurpose.ChangeEmail]: SHARED_TTL.changeEmail,
  [TokenPurpose.ResetPassword]: SHARED_TTL.resetPassword,
};

/** One-time tokens for mailed links. Issuing a new one voids the older ones of the same purpose. */
@Injectable()
export class UserTokensService {
  constructor(@InjectRepository(UserToken) private readonly tokens: Repository<UserToken>) {}

  async issue(userId: string, purpose: TokenPurpose, newEmail: string | null = null): Promise<string> {
    const token = newToken();
    await this.tokens.manager.transaction(async (m) => {
      await m.delete(UserToken, { userId, purpose });
      await m.insert(UserToken, {
        userId,
        purpose,
        newEmail,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + TOKEN_TTL_HOURS[purpose] * 3600_000),
      });
    });
    return token;
  }

  /**
   * Marks the token used and returns it, if it is unused, unexpired and of one of the purposes.
   * The conditional update makes a token usable exactly once, even under concurrent requests.
   */
  async consume(token: string, purposes: TokenPurpose[]): Promise<UserToken> {
    const found = await this.tokens.findOne({ where: { tokenHash: hashToken(token), usedAt: IsNull(), expiresAt: MoreThan(new Date()) } });
    if (!found || !purposes.includes(found.purpose)) {
      throw new DomainError(ErrorCode.TokenInvalid, 'This link is invalid or has expired. Please request a new one.');
    }
    const result = await this.tokens.update({ id: found.id, usedAt: IsNull() }, { usedAt: new Date() });
    if (!result.affected) throw new DomainError(ErrorCode.TokenInvalid, 'This link has already been used. Please request a new one.');
    return found;
  }

  async deleteAllFor(userId: string): Promise<void> {
    await this.tokens.delete({ userId });
  }
}
