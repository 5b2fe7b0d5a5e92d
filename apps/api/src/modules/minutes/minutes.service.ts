import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, type Repository } from 'typeorm';
import { AssemblyStatus, AssemblyVisibility, ErrorCode, Language, Presence, VotingRoundStatus } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { AssemblyAccessService, type AssemblyWithPeople } from '../assemblies/assembly-access.service';
import { AssemblyEventsService } from '../assemblies/assembly-events.service';
import { AgendaItemEntity } from '../assemblies/entities/assembly.entity';
import { BallotReceipt, LiveProposalEntity, RoundTally, SpeakerRequest, VotingRoundEntity } from '../live/entities/live.entities';
import { Participant } from '../live/entities/participant.entity';
import { User } from '../users/user.entity';
import { buildMinutes } from './minutes.builder';
import { renderMarkdown } from './minutes.markdown';
import type { MinutesData, MinutesDocument } from './minutes.model';
import { renderPdf } from './minutes.pdf';

/** Who reads: the assembly's moderators (every round, unpublished ones marked) or the public. */
export type MinutesAudience = 'moderators' | 'public';

export interface MinutesFile {
  fileName: string;
  body: string | Buffer;
}

/** Minutes of an assembly: who may read them, loading the data, and the two formats. */
@Injectable()
export class MinutesService {
  constructor(
    private readonly access: AssemblyAccessService,
    private readonly events: AssemblyEventsService,
    @InjectRepository(AgendaItemEntity) private readonly agenda: Repository<AgendaItemEntity>,
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    @InjectRepository(LiveProposalEntity) private readonly proposals: Repository<LiveProposalEntity>,
    @InjectRepository(VotingRoundEntity) private readonly rounds: Repository<VotingRoundEntity>,
    @InjectRepository(RoundTally) private readonly tallies: Repository<RoundTally>,
    @InjectRepository(BallotReceipt) private readonly receipts: Repository<BallotReceipt>,
    @InjectRepository(SpeakerRequest) private readonly speakers: Repository<SpeakerRequest>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async markdown(id: string, user: User | null | undefined, lang: Language = Language.German): Promise<MinutesFile> {
    const doc = await this.document(id, user, lang);
    return { fileName: `${doc.fileBase}.md`, body: renderMarkdown(doc) };
  }

  async pdf(id: string, user: User | null | undefined, lang: Language = Language.German): Promise<MinutesFile> {
    const doc = await this.document(id, user, lang);
    return { fileName: `${doc.fileBase}.pdf`, body: await renderPdf(doc) };
  }

  private async document(id: string, user: User | null | undefined, lang: Language): Promise<MinutesDocument> {
    const assembly = await this.access.find(id);
    const audience = this.audience(user, assembly);
    return buildMinutes(await this.load(assembly, audience), lang, new Date());
  }

  /**
   * Its moderators at any time (provisional while not closed); everybody once closed, if public —
   * and everybody else reads the public minutes, with published voting results only.
   */
  private audience(user: User | null | undefined, assembly: AssemblyWithPeople): MinutesAudience {
    if (this.access.moderates(user, assembly)) return 'moderators';
    if (assembly.status !== AssemblyStatus.Closed)
      throw new DomainError(
        ErrorCode.Forbidden,
        'The minutes are published once the assembly is closed; until then only its moderators (and administrators) can download them.',
      );
    if (assembly.visibility !== AssemblyVisibility.Public)
      throw new DomainError(
        ErrorCode.Forbidden,
        'The minutes of an unlisted assembly are available to its moderators (and administrators) only.',
      );
    return 'public';
  }

  /**
   * Everything the minutes show, read once. Ballot contents (open_ballots) are never read. The
   * public minutes read published rounds only: a result the moderators kept back (closed, never
   * published) must not leave the moderation through them.
   */
  async load(assembly: AssemblyWithPeople, audience: MinutesAudience): Promise<MinutesData> {
    const assemblyId = assembly.id;
    const [agenda, participantCounts, proposals, rounds, speakerRequests, events] = await Promise.all([
      this.agenda.find({ where: { assemblyId }, order: { position: 'ASC' } }),
      this.attendance(assemblyId),
      this.proposals.find({ where: { assemblyId }, relations: { participant: { user: true } }, order: { createdAt: 'ASC' } }),
      this.rounds.find({
        where: audience === 'public' ? { assemblyId, status: VotingRoundStatus.Published } : { assemblyId },
        order: { createdAt: 'ASC' },
      }),
      this.speakers.find({
        where: { assemblyId, startedAt: Not(IsNull()) },
        relations: { participant: { user: true } },
        order: { startedAt: 'ASC' },
      }),
      this.events.list(assemblyId),
    ]);
    const roundIds = rounds.map((r) => r.id);
    const [tallies, ballotCounts] = roundIds.length
      ? await Promise.all([
          this.tallies.find({ where: { roundId: In(roundIds) } }),
          this.receipts
            .createQueryBuilder('r')
            .select('r.roundId', 'roundId')
            .addSelect('COUNT(*)', 'ballots')
            .where('r.roundId IN (:...roundIds)', { roundIds })
            .groupBy('r.roundId')
            .getRawMany<{ roundId: string; ballots: string | number }>(),
        ])
      : [[], []];
    const ballots = new Map(ballotCounts.map((row) => [row.roundId, Number(row.ballots)]));
    const moderators = await this.moderatorNames(assembly, events);

    return {
      assembly: {
        id: assembly.id,
        title: assembly.title,
        place: assembly.place,
        startsAt: assembly.startsAt,
        endsAt: assembly.endsAt,
        status: assembly.status,
        visibility: assembly.visibility,
      },
      areas: [...assembly.areas].sort((a, b) => a.name.localeCompare(b.name, 'de')).map((a) => a.name),
      moderators,
      agenda: agenda.map((item) => ({ id: item.id, position: item.position, title: item.title, type: item.type })),
      attendance: participantCounts,
      proposals: proposals.map((p) => ({
        id: p.id,
        text: p.text,
        status: p.status,
        supportCount: p.supportCount,
        author: p.participant ? this.access.displayName(p.participant) : null,
        sourceNote: p.sourceNote,
        agendaItemId: p.agendaItemId,
        createdAt: p.createdAt,
      })),
      rounds: rounds.map((r) => ({
        id: r.id,
        agendaItemId: r.agendaItemId,
        question: r.question,
        type: r.type,
        options: r.options,
        translations: r.translations ?? {},
        maxChoices: r.maxChoices,
        points: r.points,
        budgetCents: r.budgetCents,
        allocation: r.allocation,
        secret: r.secret,
        requireCheckIn: r.requireCheckIn,
        status: r.status,
        hallBallots: r.hallBallots,
        hallNote: r.hallNote,
        openedAt: r.openedAt,
        closedAt: r.closedAt,
        createdAt: r.createdAt,
        ballots: ballots.get(r.id) ?? 0,
        tallies: tallies.filter((x) => x.roundId === r.id).map((x) => ({ optionId: x.optionId, online: x.online, hall: x.hall })),
      })),
      speakerRequests: speakerRequests.map((s) => ({
        id: s.id,
        participantId: s.participantId,
        name: this.access.displayName(s.participant),
        startedAt: s.startedAt,
        endedAt: s.endedAt,
      })),
      events: events.map((e) => ({ type: e.type, data: e.data ?? {}, createdAt: e.createdAt })),
    };
  }

  /**
   * Who ran the assembly: its named moderators and everybody whose moderator steps are in the log
   * (the log names the account of each); without either, the account that created it. Names as the
   * accounts show them; deleted accounts and accounts without a name are left out.
   */
  private async moderatorNames(assembly: AssemblyWithPeople, events: Array<{ data: Record<string, unknown> | null }>): Promise<string[]> {
    const acted = new Set<string>();
    for (const event of events) {
      const id = event.data?.moderatorId;
      if (typeof id === 'string') acted.add(id);
    }
    const named = new Set(assembly.moderators.map((m) => m.id));
    const others = [...acted].filter((id) => !named.has(id));
    if (!named.size && !others.length && assembly.createdById) others.push(assembly.createdById);
    const people = [...assembly.moderators, ...(others.length ? await this.users.find({ where: { id: In(others) } }) : [])];
    const names = people.filter((m) => !m.deletedAt && m.displayName).map((m) => m.displayName!);
    return [...new Set(names)].sort((a, b) => a.localeCompare(b, 'de'));
  }

  private async attendance(assemblyId: string): Promise<MinutesData['attendance']> {
    const [hall, online, checkedIn] = await Promise.all([
      this.participants.count({ where: { assemblyId, presence: Presence.Hall } }),
      this.participants.count({ where: { assemblyId, presence: Presence.Online } }),
      this.participants.count({ where: { assemblyId, checkedIn: true } }),
    ]);
    return { hall, online, checkedIn, total: hall + online };
  }
}
