import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, In, Repository } from 'typeorm';
import { ErrorCode, Role, type Page } from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transactions';
import { Area } from '../areas/area.entity';
import { Assembly, AssemblyRegistration } from '../assemblies/entities/assembly.entity';
import { Participant } from '../live/entities/participant.entity';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { SessionService } from '../auth/session.service';
import { TokenPurpose } from '../auth/user-token.entity';
import { UserTokensService } from '../auth/user-tokens.service';
import { MailService } from '../mail/mail.service';
import { FundQueriesService } from '../funds/fund-queries.service';
import { FundsService } from '../funds/funds.service';
import { ProposalQueriesService } from '../proposals/proposal-queries.service';
import { Comment } from '../comments/comment.entity';
import { ProposalFollow } from '../follows/proposal-follow.entity';
import { Report } from '../moderation/report.entity';
import type { AdminUpdateUserDto, AdminUserQueryDto, ChangeEmailDto, ChangePasswordDto, UpdateProfileDto } from './dto/me.dto';
import { User } from './user.entity';
import { toAdminUser, toMe } from './user.mapper';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly tokens: UserTokensService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly proposals: ProposalQueriesService,
    private readonly funds: FundQueriesService,
    private readonly fundApplications: FundsService,
    @InjectRepository(Comment) private readonly comments: Repository<Comment>,
    @InjectRepository(Report) private readonly reports: Repository<Report>,
    @InjectRepository(ProposalFollow) private readonly follows: Repository<ProposalFollow>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {}

  async get(id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id }, relations: { moderatorAreas: true } });
    if (!user) throw notFound('The account');
    return user;
  }

  private async checkPassword(user: User, password: string): Promise<void> {
    if (!(await this.auth.verifyPassword(user.passwordHash, password))) {
      throw new DomainError(ErrorCode.InvalidCredentials, 'The password is not correct.');
    }
  }

  async updateProfile(user: User, dto: UpdateProfileDto): Promise<User> {
    await this.users.update(
      { id: user.id },
      { ...(dto.displayName !== undefined && { displayName: dto.displayName }), ...(dto.language && { language: dto.language }) },
    );
    return this.get(user.id);
  }

  /**
   * Answers the same whether or not the address belongs to another account, so nobody can probe
   * for accounts: the owner of a taken address is told by mail instead, and no link is issued for it.
   */
  async requestEmailChange(user: User, dto: ChangeEmailDto): Promise<void> {
    await this.checkPassword(user, dto.currentPassword);
    if (dto.newEmail === user.email) throw new DomainError(ErrorCode.EmailTaken, 'This is already your email address.');
    await this.tx.run(async (m) => {
      await m.update(User, { id: user.id }, { pendingEmail: dto.newEmail });
      const owner = await m.findOne(User, { where: { email: dto.newEmail } });
      if (!owner) return this.auth.sendEmailChangeLink(user, dto.newEmail, m);
      await this.tokens.revoke(user.id, TokenPurpose.ChangeEmail, m);
      await this.mail.send(
        { to: owner.email!, language: owner.language, template: 'emailChangeTaken', params: { name: owner.displayName ?? '' } },
        m,
      );
    });
  }

  /** Changes the password, ends every mailed link and signs out every other browser. */
  async changePassword(user: User, dto: ChangePasswordDto, currentSession?: string): Promise<void> {
    await this.checkPassword(user, dto.currentPassword);
    const passwordHash = await this.auth.hashPassword(dto.newPassword);
    await this.tx.run(async (m) => {
      await m.update(User, { id: user.id }, { passwordHash, pendingEmail: null });
      await this.tokens.revokeAll(user.id, m);
      await this.sessions.destroyAllFor(user.id, currentSession, m);
    });
  }

  /** Everything stored about the person (DSGVO Art. 15/20), machine-readable. */
  async export(user: User): Promise<Record<string, unknown>> {
    const sessions = await this.sessions.listFor(user.id);
    const actions = await this.audit.byActor(user.id);
    const participation = await this.proposals.exportFor(user.id);
    const fundApplications = await this.funds.exportFor(user.id);
    const [comments, reports, follows, assemblyRegistrations, assemblyParticipations] = await Promise.all([
      this.comments.find({ where: { authorId: user.id }, order: { createdAt: 'ASC' } }),
      this.reports.find({ where: { reporterId: user.id }, order: { createdAt: 'ASC' } }),
      this.follows.find({ where: { userId: user.id }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(AssemblyRegistration).find({ where: { userId: user.id }, order: { registeredAt: 'ASC' } }),
      // Taking part in an assembly: who, where from, since when. Never what the person voted.
      this.dataSource.getRepository(Participant).find({ where: { userId: user.id }, order: { joinedAt: 'ASC' } }),
    ]);
    const assemblyIds = [...new Set([...assemblyRegistrations, ...assemblyParticipations].map((r) => r.assemblyId))];
    const assemblyTitles = new Map(
      (assemblyIds.length
        ? await this.dataSource.getRepository(Assembly).find({ where: { id: In(assemblyIds) }, select: ['id', 'title'] })
        : []
      ).map((a) => [a.id, a.title]),
    );
    return {
      format: 'soziale-stadt-export/1',
      exportedAt: new Date().toISOString(),
      account: { ...toMe(user), updatedAt: user.updatedAt.toISOString(), emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null },
      sessions: sessions.map((s) => ({ createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt.toISOString() })),
      actionsTaken: actions.map((a) => ({
        action: a.action,
        entityType: a.entityType,
        entityId: a.entityId,
        at: a.createdAt.toISOString(),
      })),
      proposals: participation.proposals.map((p) => ({
        id: p.id,
        title: p.title,
        body: p.body,
        status: p.status,
        areaId: p.areaId,
        fieldOfActionId: p.fieldOfActionId,
        location: { latitude: p.latitude, longitude: p.longitude, address: p.address },
        createdAt: p.createdAt.toISOString(),
      })),
      supports: participation.supports.map((s) => ({ proposalId: s.proposalId, at: s.createdAt.toISOString() })),
      // The files themselves are downloadable at their url (relative to the platform's address).
      attachments: participation.attachments.map((a) => ({
        id: a.id,
        proposalId: a.proposalId,
        fileName: a.fileName,
        mimeType: a.mimeType,
        size: a.size,
        description: a.description,
        url: a.url,
        uploadedAt: a.createdAt,
      })),
      comments: comments.map((c) => ({
        id: c.id,
        proposalId: c.proposalId,
        parentId: c.parentId,
        body: c.body,
        language: c.language,
        hidden: Boolean(c.hiddenAt),
        createdAt: c.createdAt.toISOString(),
        editedAt: c.editedAt?.toISOString() ?? null,
      })),
      reports: reports.map((r) => ({
        targetType: r.targetType,
        targetId: r.targetId,
        reason: r.reason,
        status: r.status,
        at: r.createdAt.toISOString(),
      })),
      // Applications to an Aktionsraumfonds (the files of an application are at /api/applications/:id).
      fundApplications,
      follows: follows.map((f) => ({ proposalId: f.proposalId, muted: f.muted, since: f.createdAt.toISOString() })),
      assemblyRegistrations: assemblyRegistrations.map((r) => ({
        assemblyId: r.assemblyId,
        assemblyTitle: assemblyTitles.get(r.assemblyId) ?? null,
        status: r.status,
        registeredAt: r.registeredAt.toISOString(),
        reminderSentAt: r.reminderSentAt?.toISOString() ?? null,
      })),
      assemblyParticipations: assemblyParticipations.map((p) => ({
        assemblyId: p.assemblyId,
        assemblyTitle: assemblyTitles.get(p.assemblyId) ?? null,
        displayName: user.displayName,
        presence: p.presence,
        checkedIn: p.checkedIn,
        joinedAt: p.joinedAt.toISOString(),
      })),
    };
  }

  /**
   * Deletes the account (DSGVO Art. 17): personal data is removed, the row stays so that public
   * contributions keep their author reference and show "Deleted account" (common.deletedUser).
   * Applications to an Aktionsraumfonds: see funds/application-privacy.ts.
   */
  async deleteAccount(user: User, password: string): Promise<void> {
    await this.checkPassword(user, password);
    if (user.role === Role.Administrator) await this.ensureAnotherAdministrator(user.id);
    const { email, language, displayName } = user;
    await this.tx.run(async (m) => {
      await m.update(
        User,
        { id: user.id },
        {
          email: null,
          pendingEmail: null,
          passwordHash: null,
          displayName: null,
          role: Role.Citizen,
          emailVerifiedAt: null,
          deletedAt: new Date(),
        },
      );
      await m
        .createQueryBuilder()
        .relation(User, 'moderatorAreas')
        .of(user.id)
        .remove(user.moderatorAreas ?? []);
      await this.sessions.destroyAllFor(user.id, undefined, m);
      await this.tokens.revokeAll(user.id, m);
      await this.fundApplications.forgetApplicant(m, user.id);
      if (email) await this.mail.send({ to: email, language, template: 'accountDeleted', params: { name: displayName ?? '' } }, m);
    });
  }

  private async ensureAnotherAdministrator(userId: string): Promise<void> {
    const admins = await this.users.count({ where: { role: Role.Administrator } });
    if (admins <= 1) {
      throw new DomainError(
        ErrorCode.LastAdministrator,
        `This is the last administrator account (${userId}); make another account administrator first.`,
      );
    }
  }

  async list(query: AdminUserQueryDto): Promise<Page<ReturnType<typeof toAdminUser>>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.users
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.moderatorAreas', 'a')
      .orderBy('u.createdAt', 'ASC')
      .addOrderBy('u.id', 'ASC');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.q) {
      const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where("LOWER(u.email) LIKE :like ESCAPE '\\'", { like }).orWhere("LOWER(u.displayName) LIKE :like ESCAPE '\\'", { like }),
        ),
      );
    }
    const [items, total] = await qb
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: items.map(toAdminUser), total, page, pageSize };
  }

  async adminUpdate(actor: User, id: string, dto: AdminUpdateUserDto): Promise<User> {
    const user = await this.get(id);
    if (user.deletedAt) throw new DomainError(ErrorCode.Conflict, 'This account has been deleted and cannot be changed.');
    const before = { role: user.role, moderatorAreaIds: user.moderatorAreas.map((a) => a.id).sort() };
    if (dto.role && dto.role !== Role.Administrator && user.role === Role.Administrator) await this.ensureAnotherAdministrator(user.id);
    let areas = user.moderatorAreas;
    if (dto.moderatorAreaIds) {
      const ids = [...new Set(dto.moderatorAreaIds)];
      areas = ids.length ? await this.areas.findBy({ id: In(ids) }) : [];
      const missing = ids.filter((aid) => !areas.some((a) => a.id === aid));
      if (missing.length)
        throw new DomainError(ErrorCode.ValidationFailed, `Unknown area(s): ${missing.join(', ')}.`, [
          { field: 'moderatorAreaIds', messages: ['contains unknown area ids'] },
        ]);
    }
    const role = dto.role ?? user.role;
    const target = role === Role.Moderator ? areas : [];
    const after = { role, moderatorAreaIds: target.map((a) => a.id).sort() };
    if (JSON.stringify(before) === JSON.stringify(after)) return user;
    await this.users.manager.transaction(async (m) => {
      if (dto.role) await m.update(User, { id }, { role: dto.role });
      await m.createQueryBuilder().relation(User, 'moderatorAreas').of(id).addAndRemove(target, user.moderatorAreas);
      await this.audit.record(
        { actorId: actor.id, action: 'user.role_changed', entityType: 'user', entityId: id, details: { before, after } },
        m,
      );
    });
    return this.get(id);
  }
}
