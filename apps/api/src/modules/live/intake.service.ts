import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AssemblyEventType,
  ErrorCode,
  LiveProposalStatus,
  type LiveProposal,
  type LiveProposalOnBehalfPayload,
  type SubmitLiveProposalPayload,
} from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { assumedLanguage } from '../../common/http/contribution-language';
import { AssemblyAccessService } from '../assemblies/assembly-access.service';
import { Assembly } from '../assemblies/entities/assembly.entity';
import { LiveProposalEntity, LiveProposalSupport } from './entities/live.entities';
import { LiveChanges, participantOf, type LiveActor } from './live-changes';
import { LiveMapper } from './live.mapper';

/** Proposals from the room: collecting them, moderating them, supporting them. */
@Injectable()
export class IntakeService {
  constructor(
    private readonly changes: LiveChanges,
    private readonly access: AssemblyAccessService,
    private readonly map: LiveMapper,
  ) {}

  async setIntake(actor: LiveActor, open: boolean): Promise<void> {
    await this.changes.change(actor, 'live', async (m, assembly) => {
      if (assembly.intakeOpen === open) return;
      await m.getRepository(Assembly).update({ id: assembly.id }, { intakeOpen: open });
      await this.changes.record(m, actor, open ? AssemblyEventType.IntakeOpened : AssemblyEventType.IntakeClosed, {
        agendaItemId: assembly.currentItemId,
      });
    });
  }

  private async load(m: EntityManager, id: string): Promise<LiveProposal> {
    const p = await m.getRepository(LiveProposalEntity).findOneOrFail({ where: { id }, relations: { participant: { user: true } } });
    return this.map.proposal(p);
  }

  /** `acceptLanguage`: the phone's (from the handshake), for the language when the payload names none and the participant is a guest. */
  async submitProposal(actor: LiveActor, input: SubmitLiveProposalPayload, acceptLanguage?: string): Promise<LiveProposal> {
    const participant = participantOf(actor);
    return this.changes.change(actor, 'live', async (m, assembly) => {
      if (!assembly.intakeOpen) throw new DomainError(ErrorCode.IntakeClosed, 'Proposals are not being collected at the moment.');
      const itemId = input.agendaItemId === undefined ? assembly.currentItemId : input.agendaItemId;
      if (itemId) await this.changes.item(m, assembly.id, itemId);
      const repo = m.getRepository(LiveProposalEntity);
      const saved = await repo.save(
        repo.create({
          assemblyId: assembly.id,
          agendaItemId: itemId ?? null,
          participantId: participant.id,
          text: input.text,
          language: input.language ?? assumedLanguage(actor.user, acceptLanguage),
          status: LiveProposalStatus.Pending,
        }),
      );
      await this.changes.record(m, actor, AssemblyEventType.ProposalSubmitted, {
        proposalId: saved.id,
        text: saved.text,
        language: saved.language,
        agendaItemId: saved.agendaItemId,
        author: this.access.displayName(participant),
        onBehalf: false,
      });
      return this.load(m, saved.id);
    });
  }

  /** Paper cards typed in by a moderator: moderated by the one who enters them, so approved at once. */
  async proposalOnBehalf(actor: LiveActor, input: LiveProposalOnBehalfPayload): Promise<LiveProposal> {
    return this.changes.change(actor, 'live', async (m, assembly) => {
      const repo = m.getRepository(LiveProposalEntity);
      const saved = await repo.save(
        repo.create({
          assemblyId: assembly.id,
          agendaItemId: assembly.currentItemId,
          participantId: null,
          text: input.text,
          language: input.language ?? assumedLanguage(actor.user, undefined),
          sourceNote: input.sourceNote,
          status: LiveProposalStatus.Approved,
        }),
      );
      await this.changes.record(m, actor, AssemblyEventType.ProposalSubmitted, {
        proposalId: saved.id,
        text: saved.text,
        language: saved.language,
        agendaItemId: saved.agendaItemId,
        author: null,
        sourceNote: saved.sourceNote,
        onBehalf: true,
      });
      await this.changes.record(m, actor, AssemblyEventType.ProposalApproved, { proposalId: saved.id, text: saved.text });
      return this.load(m, saved.id);
    });
  }

  async moderateProposal(actor: LiveActor, proposalId: string, decision: 'approve' | 'reject'): Promise<LiveProposal> {
    return this.changes.change(actor, 'not-closed', async (m, assembly) => {
      const repo = m.getRepository(LiveProposalEntity);
      const proposal = await repo.findOne({ where: { id: proposalId, assemblyId: assembly.id } });
      if (!proposal) throw notFound('The proposal');
      const status = decision === 'approve' ? LiveProposalStatus.Approved : LiveProposalStatus.Rejected;
      if (proposal.status !== status) {
        await repo.update({ id: proposal.id }, { status });
        await this.changes.record(
          m,
          actor,
          decision === 'approve' ? AssemblyEventType.ProposalApproved : AssemblyEventType.ProposalRejected,
          { proposalId: proposal.id, text: proposal.text },
        );
      }
      return this.load(m, proposal.id);
    });
  }

  async support(actor: LiveActor, proposalId: string, support: boolean): Promise<{ supportCount: number }> {
    const participant = participantOf(actor);
    return this.changes.change(actor, 'live', async (m, assembly) => {
      const repo = m.getRepository(LiveProposalEntity);
      const proposal = await repo.findOne({ where: { id: proposalId, assemblyId: assembly.id } });
      if (!proposal || proposal.status !== LiveProposalStatus.Approved) throw notFound('The proposal');
      const supports = m.getRepository(LiveProposalSupport);
      const key = { liveProposalId: proposal.id, participantId: participant.id };
      const has = await supports.findOne({ where: key });
      if (support && !has) {
        await supports.insert(key);
        await repo.increment({ id: proposal.id }, 'supportCount', 1);
      } else if (!support && has) {
        await supports.delete(key);
        await repo.decrement({ id: proposal.id }, 'supportCount', 1);
      }
      const fresh = await repo.findOneOrFail({ where: { id: proposal.id }, select: { id: true, supportCount: true } });
      return { supportCount: fresh.supportCount };
    });
  }
}
