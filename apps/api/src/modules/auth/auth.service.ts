import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_LANGUAGE, ErrorCode } from '@app/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DomainError } from '../../common/errors/domain-error';
import { AttemptLimiter } from '../../common/http/attempt-limiter';
import { isUniqueViolation } from '../../common/errors/all-exceptions.filter';
import { TransactionRunner } from '../../database/transactions';
import { MailService } from '../mail/mail.service';
import { UserAccountsService } from '../users/accounts/user-accounts.service';
import type { User } from '../users/user.entity';
import type { LoginDto, PasswordResetConfirmDto, RegisterDto } from './dto/auth.dto';
import { LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_ADDRESS, MAILS_PER_RECIPIENT } from './auth-limits';
import { hashPassword, verifyPassword } from './passwords';
import { SessionService } from './session.service';
import { TokenPurpose, type UserToken } from './user-token.entity';
import { TOKEN_TTL_HOURS, UserTokensService, type PendingRegistration } from './user-tokens.service';

const invalidLink = () => new DomainError(ErrorCode.TokenInvalid, 'This link is invalid or has expired. Please request a new one.');
const emailTaken = () => new DomainError(ErrorCode.EmailTaken, 'This email address is already used by another account.');

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly accounts: UserAccountsService,
    private readonly tokens: UserTokensService,
    private readonly sessions: SessionService,
    private readonly mail: MailService,
    private readonly tx: TransactionRunner,
    private readonly limiter: AttemptLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** argon2id at the configured cost (config.passwordHash). */
  hashPassword(password: string): Promise<string> {
    return hashPassword(password, this.config.passwordHash);
  }

  /** Checks a password against a stored hash; a missing hash costs as much time as a real check. */
  verifyPassword(hash: string | null, password: string): Promise<boolean> {
    return verifyPassword(hash, password, this.config.passwordHash);
  }

  /** Whether a public credential route may still mail this address (auth-limits.ts, MAILS_PER_RECIPIENT). */
  private async mayMail(email: string): Promise<boolean> {
    const sent = await this.limiter.count(MAILS_PER_RECIPIENT, email);
    if (sent.failures <= MAILS_PER_RECIPIENT.limit) return true;
    this.logger.warn(`No mail sent: more than ${MAILS_PER_RECIPIENT.limit} requests for one address within the hour`);
    return false;
  }

  /** A link to a page of the web app with a one-time token; `returnTo` (already validated) rides along for after it. */
  private link(path: string, token: string, returnTo?: string): string {
    const back = returnTo ? `&returnTo=${encodeURIComponent(returnTo)}` : '';
    return `${this.config.publicUrl}${path}?token=${encodeURIComponent(token)}${back}`;
  }

  /** Mails the link that confirms a new address of a signed-in person. */
  async sendEmailChangeLink(user: User, to: string, manager: EntityManager): Promise<void> {
    const token = await this.tokens.issue(user.id, TokenPurpose.ChangeEmail, { newEmail: to }, manager);
    await this.mail.send(
      {
        to,
        language: user.language,
        template: 'changeEmail',
        params: { name: user.displayName ?? '', link: this.link('/verify-email', token), hours: TOKEN_TTL_HOURS[TokenPurpose.ChangeEmail] },
      },
      manager,
    );
  }

  /**
   * Answers the same whether or not the address is known, so nobody can probe for accounts: the
   * password is hashed and one mail is queued either way (the outbox worker sends it, not this
   * request); the mail tells the owner what happened.
   */
  async register(dto: RegisterDto): Promise<void> {
    if (!(await this.mayMail(dto.email))) return;
    const registration: PendingRegistration = {
      passwordHash: await this.hashPassword(dto.password),
      displayName: dto.displayName,
      language: dto.language ?? DEFAULT_LANGUAGE,
    };
    try {
      await this.tx.run(async (m) => {
        const existing = await this.accounts.findByEmail(dto.email, m);
        if (existing) return this.registerAgain(existing, registration, m, dto.returnTo);
        const user = await this.accounts.create(dto.email, registration, m);
        await this.mailRegistrationLink(user, registration, 'verifyEmail', m, dto.returnTo);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Somebody registered the address at the same moment: this is a second registration of it.
      await this.tx.run(async (m) => {
        const winner = await this.accounts.findByEmail(dto.email, m);
        if (winner) await this.registerAgain(winner, registration, m, dto.returnTo);
      });
    }
  }

  private async registerAgain(user: User, registration: PendingRegistration, m: EntityManager, returnTo?: string): Promise<void> {
    // The owner of the account may have forgotten it: after choosing a password they get back to the page too.
    if (user.emailVerifiedAt) return this.mailPasswordLink(user, 'alreadyRegistered', m, returnTo);
    // Expired registrations count too: their owner may still confirm with their password.
    const contested = (await this.tokens.registrationsOnFile(user.id, m)).length > 0;
    if (contested) await this.tokens.requirePasswordForRegistrations(user.id, m);
    // The row shows the latest attempt (mail language, the "not verified yet" answer at sign-in);
    // what a confirmation grants comes from the registration confirmed, never from the row.
    await this.accounts.showRegistration(user.id, registration, m);
    await this.mailRegistrationLink(user, registration, contested ? 'verifyEmailAgain' : 'verifyEmail', m, returnTo);
  }

  private async mailRegistrationLink(
    user: User,
    registration: PendingRegistration,
    template: 'verifyEmail' | 'verifyEmailAgain',
    m: EntityManager,
    returnTo?: string,
  ): Promise<void> {
    const passwordRequired = template === 'verifyEmailAgain';
    const token = await this.tokens.issue(user.id, TokenPurpose.VerifyEmail, { registration, passwordRequired, alongside: true }, m);
    await this.mail.send(
      {
        to: user.email!,
        language: registration.language,
        template,
        params: {
          name: registration.displayName,
          link: this.link('/verify-email', token, returnTo),
          hours: TOKEN_TTL_HOURS[TokenPurpose.VerifyEmail],
        },
      },
      m,
    );
  }

  /** A one-time link to choose a password (/reset-password), in the mail that says why it comes. */
  private async mailPasswordLink(
    user: User,
    template: 'alreadyRegistered' | 'completeRegistration' | 'resetPassword',
    m: EntityManager,
    returnTo?: string,
  ): Promise<void> {
    const token = await this.tokens.issue(user.id, TokenPurpose.ResetPassword, {}, m);
    await this.mail.send(
      {
        to: user.email!,
        language: user.language,
        template,
        params: {
          name: user.displayName ?? '',
          link: this.link('/reset-password', token, returnTo),
          hours: TOKEN_TTL_HOURS[TokenPurpose.ResetPassword],
        },
      },
      m,
    );
  }

  /**
   * Mails a new link. With exactly one registration waiting, it is that registration's link again.
   * With several (somebody else registered the address too) or none left, nobody can tell whose
   * password the link should confirm; the owner of the mailbox chooses one instead.
   */
  async resendVerification(email: string): Promise<void> {
    if (!(await this.mayMail(email))) return;
    await this.tx.run(async (m) => {
      const user = await this.accounts.findByEmail(email, m);
      if (!user || user.emailVerifiedAt) return;
      const pending = await this.tokens.outstanding(user.id, TokenPurpose.VerifyEmail, m);
      const registration = pending.length === 1 && !pending[0].passwordRequired ? registrationOf(pending[0]) : null;
      if (registration) {
        await this.tokens.revoke(user.id, TokenPurpose.VerifyEmail, m);
        return this.mailRegistrationLink(user, registration, 'verifyEmail', m);
      }
      await this.mailPasswordLink(user, 'completeRegistration', m);
    });
  }

  /**
   * Confirms a registration or an email change. While several registrations wait for one address,
   * the link alone does not say whose password the account should get (the owner of the mailbox
   * receives everybody's links): then the person clicking types the password of their registration.
   */
  async verifyEmail(token: string, password?: string): Promise<void> {
    // argon2 takes a while and needs no transaction: on SQLite a transaction holds every other request.
    const chosen = password ? await this.registrationMatching(token, password) : null;
    try {
      await this.tx.run(async (m) => {
        const used = await this.tokens.consume(token, [TokenPurpose.VerifyEmail, TokenPurpose.ChangeEmail], m);
        if (used.purpose === TokenPurpose.ChangeEmail) await this.confirmEmailChange(used, m);
        else await this.confirmRegistration(used, chosen, m);
        await this.tokens.revokeAllBut(used.userId, used.id, m);
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.TokenInvalid && (await this.confirmedBy(token))) {
        throw new DomainError(ErrorCode.EmailAlreadyVerified, 'This address is confirmed already. You can sign in.');
      }
      throw error;
    }
  }

  /**
   * Whether this link confirmed the address it was sent to, which is still the account's confirmed
   * address: opened again, it is no error. The used link is kept until retention deletes it or the
   * credentials change.
   */
  private async confirmedBy(token: string): Promise<boolean> {
    const used = await this.tokens.findUsed(token);
    if (used?.purpose !== TokenPurpose.VerifyEmail && used?.purpose !== TokenPurpose.ChangeEmail) return false;
    const user = await this.accounts.findActive(used.userId);
    if (!user?.emailVerifiedAt) return false;
    return used.purpose === TokenPurpose.VerifyEmail || user.email === used.newEmail;
  }

  /**
   * The id of the registration on file for the link's account whose password this is, or null where
   * the link needs no password. A wrong password counts against the link.
   */
  private async registrationMatching(token: string, password: string): Promise<string | null> {
    const link = await this.tokens.findUsable(token);
    if (link?.purpose !== TokenPurpose.VerifyEmail) return null;
    const onFile = await this.tokens.registrationsOnFile(link.userId);
    if (!link.passwordRequired && onFile.length < 2) return null;
    for (const registration of onFile) {
      if (registration.passwordHash && (await this.verifyPassword(registration.passwordHash, password))) return registration.id;
    }
    const stillValid = await this.tx.run((m) => this.tokens.countFailedAttempt(link.id, m));
    if (!stillValid) {
      throw new DomainError(
        ErrorCode.TokenInvalid,
        'The password was wrong too often; this link no longer works. Please request a new one.',
      );
    }
    throw new DomainError(
      ErrorCode.RegistrationPasswordWrong,
      'This password matches none of the registrations waiting for this address. Enter the password you chose when registering.',
    );
  }

  /**
   * The account gets the credentials of one registration: the one whose link was used while it is
   * the only one, otherwise the one whose password the person typed (chosenId). Only whoever reads
   * the mailbox has a link, and an account that is verified already keeps its password.
   */
  private async confirmRegistration(used: UserToken, chosenId: string | null, m: EntityManager): Promise<void> {
    // The used link is marked used already: onFile holds the other registrations.
    const onFile = await this.tokens.registrationsOnFile(used.userId, m);
    let registration: PendingRegistration | null;
    if (!used.passwordRequired && !onFile.length) registration = registrationOf(used);
    else if (!chosenId) {
      throw new DomainError(
        ErrorCode.PasswordRequired,
        'Several registrations are waiting for this address. Enter the password you chose to confirm yours.',
      );
    } else {
      const chosen = [used, ...onFile].find((candidate) => candidate.id === chosenId);
      registration = chosen ? registrationOf(chosen) : null;
    }
    if (!registration) throw invalidLink();
    if (!(await this.accounts.confirmRegistration(used.userId, registration, m))) throw invalidLink();
  }

  private async confirmEmailChange(used: UserToken, m: EntityManager): Promise<void> {
    const user = await this.accounts.findById(used.userId, m);
    if (!user || user.deletedAt || !used.newEmail || user.pendingEmail !== used.newEmail) throw invalidLink();
    const taken = await this.accounts.findByEmail(used.newEmail, m);
    if (taken && taken.id !== user.id) throw emailTaken();
    try {
      await this.accounts.confirmEmail(user.id, used.newEmail, m);
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  /**
   * Signs in. Failures are counted per account and per client address (auth-limits.ts); successes
   * are not. The account's attempt is reserved before the check, so parallel guesses cannot pass
   * the account's limit.
   */
  async login(dto: LoginDto, address: string): Promise<{ user: User; token: string }> {
    const account = await this.limiter.count(LOGIN_FAILURES_PER_ACCOUNT, dto.email);
    if (account.failures > LOGIN_FAILURES_PER_ACCOUNT.limit) {
      throw this.limiter.refusal(
        account,
        (minutes) =>
          `This account is locked after too many wrong passwords. Please try again in ${minutes} min or choose a new password with "Forgot password".`,
      );
    }
    const fromAddress = await this.limiter.peek(LOGIN_FAILURES_PER_ADDRESS, address);
    const user = await this.accounts.findForSignIn(dto.email);
    const ok = await this.verifyPassword(user?.passwordHash ?? null, dto.password);
    if (!user || !ok || user.deletedAt) {
      await this.limiter.count(LOGIN_FAILURES_PER_ADDRESS, address);
      if (fromAddress.blocked) {
        throw this.limiter.refusal(
          fromAddress,
          (minutes) => `Too many failed sign-ins from your network. Please check your password and try again in ${minutes} min.`,
        );
      }
      throw new DomainError(ErrorCode.InvalidCredentials, 'The email address or password is not correct.');
    }
    await this.limiter.clear(LOGIN_FAILURES_PER_ACCOUNT, dto.email);
    if (!user.emailVerifiedAt) {
      throw new DomainError(
        ErrorCode.EmailNotVerified,
        'Please confirm your email address first: use the link in the mail we sent you, or request a new one.',
      );
    }
    return { user, token: await this.sessions.create(user.id) };
  }

  async requestPasswordReset(email: string): Promise<void> {
    if (!(await this.mayMail(email))) return;
    await this.tx.run(async (m) => {
      const user = await this.accounts.findByEmail(email, m);
      if (user) await this.mailPasswordLink(user, 'resetPassword', m);
    });
  }

  /**
   * Sets the new password, ends every other mailed link and signs the account out everywhere; the
   * mailbox is proven, so the address counts as verified.
   */
  async confirmPasswordReset(dto: PasswordResetConfirmDto): Promise<void> {
    const passwordHash = await this.hashPassword(dto.password);
    const email = await this.tx.run(async (m) => {
      const used = await this.tokens.consume(dto.token, [TokenPurpose.ResetPassword], m);
      const user = await this.accounts.findById(used.userId, m);
      if (!user || user.deletedAt) throw invalidLink();
      await this.accounts.setPasswordByMail(user, passwordHash, m);
      await this.tokens.revokeAll(user.id, m);
      await this.sessions.destroyAllFor(user.id, undefined, m);
      return user.email;
    });
    // The mailbox is proven: a lock from wrong passwords ends with the new one.
    if (email) await this.limiter.clear(LOGIN_FAILURES_PER_ACCOUNT, email);
  }
}

function registrationOf(token: UserToken): PendingRegistration | null {
  if (!token.passwordHash || !token.displayName || !token.language) return null;
  return { passwordHash: token.passwordHash, displayName: token.displayName, language: token.language };
}
