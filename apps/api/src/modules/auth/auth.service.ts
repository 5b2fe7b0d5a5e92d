import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DEFAULT_LANGUAGE, ErrorCode, type Language } from '@app/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DomainError } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../common/errors/all-exceptions.filter';
import { MailService } from '../mail/mail.service';
import { User } from '../users/user.entity';
import type { LoginDto, PasswordResetConfirmDto, RegisterDto } from './dto/auth.dto';
import { hashPassword, verifyPassword } from './passwords';
import { SessionService } from './session.service';
import { TokenPurpose } from './user-token.entity';
import { TOKEN_TTL_HOURS, UserTokensService } from './user-tokens.service';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: UserTokensService,
    private readonly sessions: SessionService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private link(path: string, token: string): string {
    return `${this.config.publicUrl}${path}?token=${encodeURIComponent(token)}`;
  }

  private findActiveByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email } });
  }

  async sendVerification(user: User, purpose: TokenPurpose.VerifyEmail | TokenPurpose.ChangeEmail, to: string): Promise<void> {
    const token = await this.tokens.issue(user.id, purpose, purpose === TokenPurpose.ChangeEmail ? to : null);
    await this.mail.send({
      to,
      language: user.language,
      template: purpose === TokenPurpose.ChangeEmail ? 'changeEmail' : 'verifyEmail',
      params: { name: user.displayName ?? '', link: this.link('/verify-email', token), hours: TOKEN_TTL_HOURS[purpose] },
    });
  }

  /**
   * Answers the same whether or not the address is known, so nobody can probe for accounts;
   * the mail tells the owner what happened instead.
   */
  async register(dto: RegisterDto): Promise<void> {
    const existing = await this.findActiveByEmail(dto.email);
    if (existing) return this.notifyExisting(existing);
    const user = this.users.create({
      email: dto.email,
      passwordHash: await hashPassword(dto.password),
      displayName: dto.displayName,
      language: dto.language ?? DEFAULT_LANGUAGE,
    });
    try {
      await this.users.save(user);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.findActiveByEmail(dto.email);
      return winner ? this.notifyExisting(winner) : undefined;
    }
    await this.sendVerification(user, TokenPurpose.VerifyEmail, user.email!);
  }

  private async notifyExisting(user: User): Promise<void> {
    if (!user.emailVerifiedAt) return this.sendVerification(user, TokenPurpose.VerifyEmail, user.email!);
    const token = await this.tokens.issue(user.id, TokenPurpose.ResetPassword);
    await this.mail.send({
      to: user.email!,
      language: user.language,
      template: 'alreadyRegistered',
      params: {
        name: user.displayName ?? '',
        link: this.link('/reset-password', token),
        hours: TOKEN_TTL_HOURS[TokenPurpose.ResetPassword],
      },
    });
  }

  async resendVerification(email: string): Promise<void> {
    const user = await this.findActiveByEmail(email);
    if (user && !user.emailVerifiedAt) await this.sendVerification(user, TokenPurpose.VerifyEmail, user.email!);
  }

  /** Confirms a registration or an email change. */
  async verifyEmail(token: string): Promise<void> {
    const used = await this.tokens.consume(token, [TokenPurpose.VerifyEmail, TokenPurpose.ChangeEmail]);
    const user = await this.users.findOneByOrFail({ id: used.userId });
    if (used.purpose === TokenPurpose.ChangeEmail && used.newEmail) {
      const taken = await this.findActiveByEmail(used.newEmail);
      if (taken && taken.id !== user.id)
        throw new DomainError(ErrorCode.EmailTaken, 'This email address is already used by another account.');
      try {
        await this.users.update({ id: user.id }, { email: used.newEmail, pendingEmail: null, emailVerifiedAt: new Date() });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError(ErrorCode.EmailTaken, 'This email address is already used by another account.');
        throw error;
      }
      return;
    }
    if (!user.emailVerifiedAt) await this.users.update({ id: user.id }, { emailVerifiedAt: new Date() });
  }

  async login(dto: LoginDto): Promise<{ user: User; token: string }> {
    const user = await this.users.findOne({ where: { email: dto.email }, relations: { moderatorAreas: true } });
    const ok = await verifyPassword(user?.passwordHash ?? null, dto.password);
    if (!user || !ok || user.deletedAt) {
      throw new DomainError(ErrorCode.InvalidCredentials, 'The email address or password is not correct.');
    }
    if (!user.emailVerifiedAt) {
      throw new DomainError(
        ErrorCode.EmailNotVerified,
        'Please confirm your email address first: use the link in the mail we sent you, or request a new one.',
      );
    }
    return { user, token: await this.sessions.create(user.id) };
  }

  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.findActiveByEmail(email);
    if (!user) return;
    const token = await this.tokens.issue(user.id, TokenPurpose.ResetPassword);
    await this.mail.send({
      to: user.email!,
      language: user.language as Language,
      template: 'resetPassword',
      params: {
        name: user.displayName ?? '',
        link: this.link('/reset-password', token),
        hours: TOKEN_TTL_HOURS[TokenPurpose.ResetPassword],
      },
    });
  }

  /** Sets the new password and signs the account out everywhere; the mailbox is proven, so the address counts as verified. */
  async confirmPasswordReset(dto: PasswordResetConfirmDto): Promise<void> {
    const used = await this.tokens.consume(dto.token, [TokenPurpose.ResetPassword]);
    const user = await this.users.findOneByOrFail({ id: used.userId });
    await this.users.update(
      { id: user.id },
      { passwordHash: await hashPassword(dto.password), emailVerifiedAt: user.emailVerifiedAt ?? new Date() },
    );
    await this.sessions.destroyAllFor(user.id);
  }
}
