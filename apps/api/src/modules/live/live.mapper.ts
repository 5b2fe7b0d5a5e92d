import { Injectable } from '@nestjs/common';
import type { AgendaItem, LiveProposal, LiveRound, LiveSpeaker, ParticipantSelf, RoundResult } from '@app/shared';
import { AssemblyAccessService } from '../assemblies/assembly-access.service';
import type { AgendaItemEntity } from '../assemblies/entities/assembly.entity';
import type { LiveProposalEntity, SpeakerRequest, VotingRoundEntity } from './entities/live.entities';
import type { Participant } from './entities/participant.entity';

/** The live room's rows as the shapes clients and the event log see: every mapping of the module, once. */
@Injectable()
export class LiveMapper {
  constructor(private readonly access: AssemblyAccessService) {}

  self(p: Participant): ParticipantSelf {
    return { id: p.id, displayName: this.access.displayName(p), presence: p.presence, checkedIn: p.checkedIn, isGuest: !p.userId };
  }

  item(i: AgendaItemEntity): AgendaItem {
    return {
      id: i.id,
      position: i.position,
      title: i.title,
      type: i.type,
      description: i.description,
      translations: i.translations ?? {},
    };
  }

  proposal(p: LiveProposalEntity): LiveProposal {
    return {
      id: p.id,
      text: p.text,
      language: p.language,
      status: p.status,
      supportCount: p.supportCount,
      author: p.participant ? this.access.displayName(p.participant) : null,
      sourceNote: p.sourceNote,
      agendaItemId: p.agendaItemId,
      createdAt: p.createdAt.toISOString(),
    };
  }

  /** A speaker request with its participant (and user) loaded. */
  speaker(s: SpeakerRequest): LiveSpeaker {
    return {
      id: s.id,
      participantId: s.participantId,
      displayName: this.access.displayName(s.participant),
      status: s.status,
      startedAt: s.startedAt ? s.startedAt.toISOString() : null,
      timeLimitSeconds: s.timeLimitSeconds,
    };
  }

  round(r: VotingRoundEntity, result: RoundResult, withResults: boolean): LiveRound {
    return {
      id: r.id,
      agendaItemId: r.agendaItemId,
      question: r.question,
      type: r.type,
      options: r.options,
      maxChoices: r.maxChoices,
      points: r.points,
      budgetCents: r.budgetCents,
      allocation: r.allocation,
      secret: r.secret,
      requireCheckIn: r.requireCheckIn,
      status: r.status,
      translations: r.translations ?? {},
      ballotsCast: result.ballots,
      results: withResults ? result : null,
    };
  }

  emptyResult(r: VotingRoundEntity): RoundResult {
    return {
      roundId: r.id,
      options: r.options.map((o) => ({ optionId: o.id, label: o.label, online: 0, hall: 0, total: 0 })),
      ballots: 0,
      hallBallots: r.hallBallots,
      hallNote: r.hallNote,
      binding: r.requireCheckIn,
    };
  }

  /** A round's definition as the event log records it with each of its steps. */
  roundEvent(round: VotingRoundEntity) {
    return {
      roundId: round.id,
      agendaItemId: round.agendaItemId,
      question: round.question,
      type: round.type,
      options: round.options,
      secret: round.secret,
      maxChoices: round.maxChoices,
      points: round.points,
      ...(round.budgetCents !== null ? { budgetCents: round.budgetCents } : {}),
    };
  }
}
