import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CookieOptions } from 'express';
import { LessThan, Not, Repository, type EntityManager } from 'typeorm';
import { SESSION_COOKIE } from '@app/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { User } from '../users/user.entity';
import { Session } from './session.entity';
import { hashToken, newToken } from './tokens';

@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure, path: '/', maxAge: this.config.sessionTtlMs };
  }

  get cookieName(): string {
    return SESSION_COOKIE;
  }

  /** Starts a session and returns the secret for the cookie. */
  async create(userId: string): Promise<string> {
    const token = newToken();
    await this.sessions.insert({ tokenHash: hashToken(token), userId, expiresAt: new Date(Date.now() + this.config.sessionTtlMs) });
    return token;
  }

  /**
   * The user behind a session cookie, or null. Sessions slide: when less than half the lifetime
   * is left, the expiry moves forward and `renewed` tells the caller to send the cookie again.
   */
  async resolve(token: string): Promise<{ user: User; tokenHash: string; renewed: boolean } | null> {
    const tokenHash = hashToken(token);
    const session = await this.sessions.findOne({ where: { tokenHash } });
    if (!session) return null;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now) {
      await this.sessions.delete({ id: session.id });
      return null;
    }
    const user = await this.users.findOne({ where: { id: session.userId }, relations: { moderatorAreas: true } });
    if (!user || user.deletedAt) return null;
    const renewed = session.expiresAt.getTime() - now < this.config.sessionTtlMs / 2;
    if (renewed) await this.sessions.update({ id: session.id }, { expiresAt: new Date(now + this.config.sessionTtlMs) });
    return { user, tokenHash, renewed };
  }

  async destroy(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }

  /** Signs the user out everywhere, except (optionally) the session in use. */
  async destroyAllFor(userId: string, exceptTokenHash?: string, manager: EntityManager = this.sessions.manager): Promise<void> {
    await manager.delete(Session, exceptTokenHash ? { userId, tokenHash: Not(exceptTokenHash) } : { userId });
  }

  async listFor(userId: string): Promise<Session[]> {
    return this.sessions.find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  async purgeExpired(): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(new Date()) });
  }
}
