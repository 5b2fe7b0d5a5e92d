import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { Brackets, In, Repository, type EntityManager } from 'typeorm';
import {
  AssemblyStatus,
  AssemblyVisibility,
  ErrorCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  AgendaItemType,
  Role,
  normalizePreparedVote,
  type FieldErrorDetail,
  type PreparedVote,
  type AssemblyDetail,
  type AssemblySummary,
  type Page,
} from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TransactionRunner } from '../../database/transactions';
import { Area } from '../areas/area.entity';
import { AuditService } from '../audit/audit.service';
import { moderatesArea } from '../users/moderator-scope';
import { User } from '../users/user.entity';
import { joinUrl } from './assembly-calendar';
import { AssemblyAccessService, type AssemblyWithPeople } from './assembly-access.service';
import { dbTime, NO_REGISTRATIONS, toDetail, toSummary } from './assembly-mapper';
import type { AgendaItemInputDto, AssemblyListQueryDto, CreateAssemblyDto, UpdateAssemblyDto } from './dto/assembly.dto';
import { AgendaItemEntity, Assembly } from './entities/assembly.entity';
import { LiveProposalEntity, VotingRoundEntity } from '../live/entities/live.entities';
import { RegistrationsService } from './registrations.service';

const today = () => new Date().toISOString().slice(0, 10);

export const randomCode = (length: number) =>
  Array.from({ length }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join('');

const invalid = (field: string, message: string, text: string) =>
  new DomainError(ErrorCode.ValidationFailed, text, [{ field, messages: [message] }]);
const reference = (field: string, message: string, text: string) =>
  new DomainError(ErrorCode.ReferenceInvalid, text, [{ field, messages: [message] }]);

/** Planning of assemblies: list, detail, create, update (with the agenda). Registration is RegistrationsService's. */
@Injectable()
export class AssembliesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(Assembly) private readonly assemblies: Repository<Assembly>,
    @InjectRepository(AgendaItemEntity) private readonly agendaItems: Repository<AgendaItemEntity>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    private readonly access: AssemblyAccessService,
    private readonly registrations: RegistrationsService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Public assemblies only (unlisted ones never). upcoming: not over and not closed, soonest
   * first; past: over or closed, latest first. areaId matches the area and its sub-areas.
   */
  async list(query: AssemblyListQueryDto): Promise<Page<AssemblySummary>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const now = dbTime(this.tx.isPostgres, new Date());
    const qb = this.assemblies.createQueryBuilder('a').where('a.visibility = :public', { public: AssemblyVisibility.Public });
    if ((query.when ?? 'upcoming') === 'upcoming') {
      qb.andWhere('a.endsAt >= :now', { now }).andWhere('a.status != :closed', { closed: AssemblyStatus.Closed });
      qb.orderBy('a.startsAt', 'ASC');
    } else {
      qb.andWhere(
        new Brackets((w) => w.where('a.endsAt < :now', { now }).orWhere('a.status = :closed', { closed: AssemblyStatus.Closed })),
      );
      qb.orderBy('a.startsAt', 'DESC');
    }
    qb.addOrderBy('a.id', 'ASC');
    if (query.areaId) {
      const ids = await this.areaWithDescendants(query.areaId);
      qb.andWhere('a.id IN (SELECT aa."assemblyId" FROM assembly_areas aa WHERE aa."areaId" IN (:...areaIds))', { areaIds: ids });
    }
    const [found, total] = await qb
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const withAreas = found.length
      ? await this.assemblies.find({ where: { id: In(found.map((a) => a.id)) }, relations: { areas: true } })
      : [];
    const byId = new Map(withAreas.map((a) => [a.id, a]));
    const counts = await this.registrations.counts(found.map((a) => a.id));
    return {
      items: found.map((a) => toSummary(byId.get(a.id) ?? a, counts.get(a.id) ?? NO_REGISTRATIONS)),
      total,
      page,
      pageSize,
    };
  }

  private async areaWithDescendants(areaId: string): Promise<string[]> {
    const ids = new Set([areaId]);
    let frontier = [areaId];
    // Stadtbezirk → Aktionsraum → Quartier: at most two levels below.
    for (let depth = 0; depth < 3 && frontier.length; depth++) {
      const children = await this.areas.find({ where: { parentId: In(frontier) }, select: ['id'] });
      frontier = children.map((c) => c.id).filter((id) => !ids.has(id));
      frontier.forEach((id) => ids.add(id));
    }
    return [...ids];
  }

  /** Any assembly by id (unlisted ones too: the id is the link), with the viewer's flags. */
  async get(id: string, viewer: User | null | undefined): Promise<AssemblyDetail> {
    return this.detail(await this.access.find(id), viewer);
  }

  private async detail(assembly: AssemblyWithPeople, viewer: User | null | undefined): Promise<AssemblyDetail> {
    const [agenda, counts, registration] = await Promise.all([
      this.agendaItems.find({ where: { assemblyId: assembly.id }, order: { position: 'ASC' } }),
      this.registrations.counts([assembly.id]),
      viewer ? this.registrations.registrationOf(assembly.id, viewer.id) : Promise.resolve(null),
    ]);
    return toDetail(assembly, agenda, counts.get(assembly.id) ?? NO_REGISTRATIONS, {
      isModerator: this.access.moderates(viewer, assembly),
      registration: registration?.status ?? null,
      waitlistPosition: registration?.waitlistPosition ?? null,
    });
  }

  /** The URL the QR code holds. */
  async joinUrlOf(id: string): Promise<string> {
    const assembly = await this.assemblies.findOne({ where: { id }, select: ['id', 'joinCode'] });
    if (!assembly) throw notFound('The assembly');
    return joinUrl(this.config.publicUrl, assembly.joinCode);
  }

  async findPlain(id: string): Promise<Assembly> {
    const assembly = await this.assemblies.findOneBy({ id });
    if (!assembly) throw notFound('The assembly');
    return assembly;
  }

  // ---- rules ----

  private checkTimes(startsAt: Date, endsAt: Date): void {
    if (!(startsAt.getTime() < endsAt.getTime()))
      throw invalid('endsAt', 'must be after startsAt', 'The assembly must end after it starts.');
  }

  /** Current areas that exist; a scoped moderator only within their own areas (or their Quartiere). */
  private async checkAreas(actor: User, areaIds: string[]): Promise<Area[]> {
    const found = await this.areas.findBy({ id: In(areaIds) });
    const day = today();
    for (const id of areaIds) {
      const area = found.find((a) => a.id === id);
      if (!area) throw reference('areaIds', 'unknown area', 'One of the chosen areas does not exist.');
      if (area.validFrom > day || (area.validTo !== null && area.validTo < day))
        throw reference('areaIds', 'must be a current area', `"${area.name}" is not a current area; please choose a current one.`);
    }
    const outside = actor.role === Role.Moderator ? found.filter((a) => !moderatesArea(actor, a)) : [];
    if (outside.length)
      throw new DomainError(
        ErrorCode.Forbidden,
        `You moderate other areas; you cannot plan an assembly for ${outside.map((a) => `"${a.name}"`).join(', ')}.`,
      );
    return areaIds.map((id) => found.find((a) => a.id === id)!);
  }

  private async checkModerators(m: EntityManager, ids: string[]): Promise<User[]> {
    if (!ids.length) return [];
    const users = await m.getRepository(User).findBy({ id: In(ids) });
    for (const id of ids) {
      const u = users.find((x) => x.id === id);
      if (!u || u.deletedAt || (u.role !== Role.Moderator && u.role !== Role.Administrator))
        throw reference(
          'moderatorIds',
          'must be moderators or administrators',
          'Only moderators and administrators can moderate an assembly.',
        );
    }
    return ids.map((id) => users.find((u) => u.id === id)!);
  }

  private async uniqueJoinCode(m: EntityManager): Promise<string> {
    for (;;) {
      const code = randomCode(JOIN_CODE_LENGTH);
      if (!(await m.getRepository(Assembly).existsBy({ joinCode: code }))) return code;
    }
  }

  // ---- create / update ----

  async create(actor: User, dto: CreateAssemblyDto): Promise<AssemblyDetail> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    this.checkTimes(startsAt, endsAt);
    const areas = await this.checkAreas(actor, dto.areaIds);
    if ((dto.agenda ?? []).some((i) => i.id))
      throw invalid('agenda', 'new items have no id', 'A new assembly has no agenda items to keep; leave out their ids.');
    const id = await this.tx.run(async (m) => {
      const moderators = await this.checkModerators(m, dto.moderatorIds ?? []);
      const repo = m.getRepository(Assembly);
      const saved = await repo.save(
        repo.create({
          title: dto.title,
          description: dto.description ?? null,
          place: dto.place,
          startsAt,
          endsAt,
          status: AssemblyStatus.Planned,
          visibility: dto.visibility ?? AssemblyVisibility.Public,
          joinCode: await this.uniqueJoinCode(m),
          requireAccount: dto.requireAccount ?? false,
          requireCheckIn: dto.requireCheckIn ?? false,
          registrationEnabled: dto.registrationEnabled ?? false,
          capacity: dto.capacity ?? null,
          createdById: actor.id,
          areas,
          moderators,
        }),
      );
      await this.replaceAgenda(m, saved, dto.agenda ?? []);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'assembly.created',
          entityType: 'assembly',
          entityId: saved.id,
          details: { ...dto },
        },
        m,
      );
      return saved.id;
    });
    return this.get(id, actor);
  }

  async update(actor: User, id: string, dto: UpdateAssemblyDto): Promise<AssemblyDetail> {
    const current = await this.access.find(id);
    this.access.assertModerates(actor, current);
    const areas = dto.areaIds ? await this.checkAreas(actor, dto.areaIds) : null;
    await this.tx.run(async (m) => {
      const assembly = await this.registrations.lockAssembly(m, id);
      if (assembly.status === AssemblyStatus.Closed)
        throw new DomainError(ErrorCode.AssemblyClosed, 'This assembly is closed and can no longer be changed.');
      const full = (await m.getRepository(Assembly).findOne({ where: { id }, relations: { areas: true, moderators: true } }))!;
      const before = {
        title: full.title,
        place: full.place,
        startsAt: full.startsAt.toISOString(),
        endsAt: full.endsAt.toISOString(),
        visibility: full.visibility,
        capacity: full.capacity,
        registrationEnabled: full.registrationEnabled,
        areaIds: full.areas.map((a) => a.id),
        moderatorIds: full.moderators.map((u) => u.id),
      };
      const startsAt = dto.startsAt !== undefined ? new Date(dto.startsAt) : full.startsAt;
      const endsAt = dto.endsAt !== undefined ? new Date(dto.endsAt) : full.endsAt;
      this.checkTimes(startsAt, endsAt);
      if (dto.title !== undefined) full.title = dto.title;
      if (dto.description !== undefined) full.description = dto.description ?? null;
      if (dto.place !== undefined) full.place = dto.place;
      full.startsAt = startsAt;
      full.endsAt = endsAt;
      if (dto.visibility !== undefined) full.visibility = dto.visibility;
      if (dto.requireAccount !== undefined) full.requireAccount = dto.requireAccount;
      if (dto.requireCheckIn !== undefined) full.requireCheckIn = dto.requireCheckIn;
      if (dto.registrationEnabled !== undefined) full.registrationEnabled = dto.registrationEnabled;
      if (dto.capacity !== undefined) full.capacity = dto.capacity ?? null;
      if (areas) full.areas = areas;
      if (dto.moderatorIds !== undefined) full.moderators = await this.checkModerators(m, dto.moderatorIds);
      await m.getRepository(Assembly).save(full);
      if (dto.agenda !== undefined) await this.replaceAgenda(m, full, dto.agenda);
      // Connected live clients see the change: the gateway compares versions and broadcasts the newer state.
      await m.getRepository(Assembly).increment({ id }, 'stateVersion', 1);
      // More room (or no limit any more): the waiting list moves up (their mails are queued in this transaction).
      if (full.registrationEnabled) await this.registrations.promoteWithin(m, full);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'assembly.updated',
          entityType: 'assembly',
          entityId: id,
          details: { before, changes: { ...dto } },
        },
        m,
      );
    });
    return this.get(id, actor);
  }

  /**
   * Replaces the agenda: items with an id are kept (and updated), items without one are new,
   * existing items left out are removed — unless voting rounds or live proposals refer to them,
   * or the assembly is at that item right now.
   */
  private async replaceAgenda(m: EntityManager, assembly: Assembly, input: AgendaItemInputDto[]): Promise<void> {
    const repo = m.getRepository(AgendaItemEntity);
    const existing = await repo.find({ where: { assemblyId: assembly.id } });
    const existingIds = new Set(existing.map((i) => i.id));
    const seen = new Set<string>();
    input.forEach((item, index) => {
      if (!item.id) return;
      if (!existingIds.has(item.id))
        throw reference(
          `agenda.${index}.id`,
          'is not an item of this assembly',
          `Agenda item ${index + 1} refers to an item this assembly does not have.`,
        );
      if (seen.has(item.id))
        throw invalid(`agenda.${index}.id`, 'appears twice', `Agenda item ${index + 1} repeats an item that is already listed.`);
      seen.add(item.id);
    });
    const votes = this.preparedVotes(input);
    const removed = existing.filter((i) => !seen.has(i.id));
    if (removed.length) {
      const ids = removed.map((i) => i.id);
      const [rounds, proposals] = await Promise.all([
        m.getRepository(VotingRoundEntity).find({ where: { agendaItemId: In(ids) }, select: ['agendaItemId'] }),
        m.getRepository(LiveProposalEntity).find({ where: { agendaItemId: In(ids) }, select: ['agendaItemId'] }),
      ]);
      const used = removed.filter(
        (i) =>
          assembly.currentItemId === i.id || rounds.some((r) => r.agendaItemId === i.id) || proposals.some((p) => p.agendaItemId === i.id),
      );
      if (used.length) {
        const item = used[0];
        const why = [
          assembly.currentItemId === item.id ? 'it is the current item' : null,
          rounds.some((r) => r.agendaItemId === item.id) ? 'voting rounds belong to it' : null,
          proposals.some((p) => p.agendaItemId === item.id) ? 'proposals were made under it' : null,
        ]
          .filter(Boolean)
          .join(' and ');
        throw new DomainError(
          ErrorCode.Conflict,
          `The agenda item "${item.title}" cannot be removed because ${why}. Keep it in the agenda (you can rename it).`,
        );
      }
      await repo.delete({ id: In(ids) });
    }
    const titles = new Map(existing.map((i) => [i.id, i.title]));
    for (const [index, item] of input.entries()) {
      const values = {
        position: index + 1,
        title: item.title,
        type: item.type,
        description: item.description ?? null,
        ...(votes[index] !== undefined ? { preparedVote: votes[index] } : {}),
        // The moderator's translations belong to the title they translate: a new title drops them.
        ...(item.id && titles.get(item.id) !== item.title ? { translations: null } : {}),
      };
      if (item.id) await repo.update({ id: item.id }, values);
      else await repo.insert({ ...values, assemblyId: assembly.id });
    }
  }

  /**
   * Each item's prepared vote as stored (null: none; undefined: an existing vote item keeps its own),
   * checked by the voting model exactly like a round created in the console; every problem is
   * reported as 400 with its field.
   */
  private preparedVotes(input: AgendaItemInputDto[]): Array<PreparedVote | null | undefined> {
    const details: FieldErrorDetail[] = [];
    const votes = input.map((item, index) => {
      if (item.vote === undefined && item.id && item.type === AgendaItemType.Vote) return undefined;
      if (!item.vote) return null;
      if (item.type !== AgendaItemType.Vote) {
        details.push({ field: `agenda.${index}.vote`, messages: ['only items of type vote carry a prepared vote'] });
        return null;
      }
      const { vote, problems } = normalizePreparedVote(item.vote);
      for (const p of problems) details.push({ field: `agenda.${index}.vote.${p.field}`, messages: [p.message] });
      return vote;
    });
    if (details.length) throw new DomainError(ErrorCode.ValidationFailed, 'Please check the prepared votes of the agenda.', details);
    return votes;
  }
}
