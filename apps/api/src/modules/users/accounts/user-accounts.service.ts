import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository, type EntityManager } from 'typeorm';
import type { Language } from '@app/shared';
import { User } from '../user.entity';

/** The credentials a confirmed registration gives an account. */
export interface AccountCredentials {
  passwordHash: string;
  displayName: string;
  language: Language;
}

/**
 * The one writer of the `users` table's account and credential columns, for the modules that need
 * them changed (auth: registration, confirmation, address change, password reset). The users
 * module owns the table; this service is its narrow door, in a module of its own so that auth can
 * depend on it while the users module depends on auth. Every write takes the caller's transaction.
 */
@Injectable()
export class UserAccountsService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findByEmail(email: string, m: EntityManager = this.users.manager): Promise<User | null> {
    return m.findOne(User, { where: { email } });
  }

  findById(id: string, m: EntityManager = this.users.manager): Promise<User | null> {
    return m.findOne(User, { where: { id } });
  }

  /** An account that is not deleted, by id. */
  findActive(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id, deletedAt: IsNull() } });
  }

  /** The account signing in, with the areas a moderator acts for. */
  findForSignIn(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email }, relations: { moderatorAreas: true } });
  }

  /** A new, unconfirmed account for a first registration of the address. */
  create(email: string, credentials: AccountCredentials, m: EntityManager): Promise<User> {
    return m.save(m.create(User, { email, ...credentials }));
  }

  /** The latest registration attempt shows on the unconfirmed row (mail language, the sign-in answer). */
  async showRegistration(id: string, credentials: AccountCredentials, m: EntityManager): Promise<void> {
    await m.update(User, { id }, credentials);
  }

  /** Confirms an unconfirmed, not deleted account with one registration's credentials; false when it is neither. */
  async confirmRegistration(id: string, credentials: AccountCredentials, m: EntityManager): Promise<boolean> {
    const result = await m.update(
      User,
      { id, emailVerifiedAt: IsNull(), deletedAt: IsNull() },
      { ...credentials, emailVerifiedAt: new Date() },
    );
    return Boolean(result.affected);
  }

  /** The confirmed new address replaces the old one (a unique violation means somebody else has it). */
  async confirmEmail(id: string, email: string, m: EntityManager): Promise<void> {
    await m.update(User, { id }, { email, pendingEmail: null, emailVerifiedAt: new Date() });
  }

  /** A new password through a mailed link: the mailbox is proven, so the address counts as confirmed. */
  async setPasswordByMail(user: User, passwordHash: string, m: EntityManager): Promise<void> {
    await m.update(User, { id: user.id }, { passwordHash, pendingEmail: null, emailVerifiedAt: user.emailVerifiedAt ?? new Date() });
  }
}
