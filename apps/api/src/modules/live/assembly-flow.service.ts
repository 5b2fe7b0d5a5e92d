import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssemblyEventType, AssemblyStatus, ErrorCode, VotingRoundStatus, type AgendaItemType } from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { AgendaItemEntity, Assembly } from '../assemblies/entities/assembly.entity';
import { VotingRoundEntity } from './entities/live.entities';
import { Participant } from './entities/participant.entity';
import { LiveChanges, type LiveActor } from './live-changes';
import { SpeakersService } from './speakers.service';
import { VotingService } from './voting.service';

/** The assembly's course: opening and closing it, the agenda (calling up and adding items) and what the hall screen shows. */
@Injectable()
export class AssemblyFlowService {
  constructor(
    private readonly changes: LiveChanges,
    private readonly voting: VotingService,
    private readonly speakers: SpeakersService,
  ) {}

  async setStatus(actor: LiveActor, status: 'live' | 'closed'): Promise<void> {
    await this.changes.change(actor, 'not-closed', async (m, assembly) => {
      if (status === AssemblyStatus.Live) {
        if (assembly.status === AssemblyStatus.Live) throw new DomainError(ErrorCode.Conflict, 'The assembly is already running.');
        await m.getRepository(Assembly).update({ id: assembly.id }, { status: AssemblyStatus.Live });
        await this.changes.record(m, actor, AssemblyEventType.Opened, { title: assembly.title });
        return;
      }
      if (assembly.status !== AssemblyStatus.Live)
        throw new DomainError(ErrorCode.AssemblyNotLive, 'Only a running assembly can be closed; open it first.');
      // Whatever is still running ends with the assembly, each step in the log.
      await this.voting.closeOpenRounds(m, actor);
      await this.speakers.stopSpeaker(m, actor);
      if (assembly.intakeOpen) await this.changes.record(m, actor, AssemblyEventType.IntakeClosed, {});
      await m.getRepository(Assembly).update({ id: assembly.id }, { status: AssemblyStatus.Closed, intakeOpen: false });
      const attendance = await this.attendance(m, assembly.id);
      await this.changes.record(m, actor, AssemblyEventType.Closed, { title: assembly.title, attendance });
    });
  }

  private async attendance(m: EntityManager, assemblyId: string) {
    const people = await m
      .getRepository(Participant)
      .find({ where: { assemblyId }, select: { id: true, presence: true, checkedIn: true, userId: true } });
    const hall = people.filter((p) => p.presence === 'hall').length;
    return {
      hall,
      online: people.length - hall,
      total: people.length,
      checkedIn: people.filter((p) => p.checkedIn).length,
      guests: people.filter((p) => !p.userId).length,
    };
  }

  async setItem(actor: LiveActor, agendaItemId: string | null): Promise<void> {
    await this.changes.change(actor, 'live', async (m, assembly) => {
      const item = agendaItemId ? await this.changes.item(m, assembly.id, agendaItemId) : null;
      await m.getRepository(Assembly).update({ id: assembly.id }, { currentItemId: item?.id ?? null });
      await this.changes.record(m, actor, AssemblyEventType.ItemStarted, {
        itemId: item?.id ?? null,
        title: item?.title ?? null,
        position: item?.position ?? null,
        type: item?.type ?? null,
      });
    });
  }

  /** Puts a published result on the hall screen again; the next item or speaker replaces it as before. */
  async showRound(actor: LiveActor, roundId: string): Promise<void> {
    await this.changes.change(actor, 'not-closed', async (m, assembly) => {
      const round = await m.getRepository(VotingRoundEntity).findOne({ where: { id: roundId, assemblyId: assembly.id } });
      if (!round) throw notFound('The voting round');
      if (round.status !== VotingRoundStatus.Published)
        throw new DomainError(ErrorCode.RoundStateInvalid, 'Only a published result can be shown again; publish it first.');
      await this.changes.record(m, actor, AssemblyEventType.RoundShown, { roundId: round.id, question: round.question });
    });
  }

  async addItem(actor: LiveActor, input: { title: string; type: AgendaItemType; description?: string | null }): Promise<void> {
    await this.changes.change(actor, 'not-closed', async (m, assembly) => {
      const items = m.getRepository(AgendaItemEntity);
      const last = await items.findOne({ where: { assemblyId: assembly.id }, order: { position: 'DESC' } });
      const item = await items.save(
        items.create({
          assemblyId: assembly.id,
          position: (last?.position ?? 0) + 1,
          title: input.title,
          type: input.type,
          description: input.description ?? null,
        }),
      );
      await this.changes.record(m, actor, AssemblyEventType.ItemAdded, {
        itemId: item.id,
        title: item.title,
        position: item.position,
        type: item.type,
      });
    });
  }
}
