import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssemblyEventType, ErrorCode, SpeakerStatus, type LiveSpeaker } from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { AssemblyAccessService } from '../assemblies/assembly-access.service';
import { Assembly } from '../assemblies/entities/assembly.entity';
import { SpeakerRequest } from './entities/live.entities';
import { LiveChanges, participantOf, type LiveActor } from './live-changes';
import { LiveMapper } from './live.mapper';

/** The list of speakers: asking to speak, withdrawing, the moderator's turns, order and time limit. */
@Injectable()
export class SpeakersService {
  constructor(
    private readonly changes: LiveChanges,
    private readonly access: AssemblyAccessService,
    private readonly map: LiveMapper,
  ) {}

  async requestSpeaker(actor: LiveActor): Promise<LiveSpeaker> {
    const participant = participantOf(actor);
    return this.changes.change(actor, 'live', async (m, assembly) => {
      const repo = m.getRepository(SpeakerRequest);
      const open = await repo.findOne({
        where: [
          { assemblyId: assembly.id, participantId: participant.id, status: SpeakerStatus.Waiting },
          { assemblyId: assembly.id, participantId: participant.id, status: SpeakerStatus.Speaking },
        ],
      });
      if (open) throw new DomainError(ErrorCode.SpeakerStateInvalid, 'You are already on the list of speakers.');
      const last = await repo.findOne({ where: { assemblyId: assembly.id }, order: { position: 'DESC' } });
      const saved = await repo.save(
        repo.create({
          assemblyId: assembly.id,
          participantId: participant.id,
          status: SpeakerStatus.Waiting,
          position: (last?.position ?? 0) + 1,
        }),
      );
      return this.map.speaker(await repo.findOneOrFail({ where: { id: saved.id }, relations: { participant: { user: true } } }));
    });
  }

  async withdrawSpeaker(actor: LiveActor): Promise<void> {
    const participant = participantOf(actor);
    await this.changes.change(actor, 'live', async (m, assembly) => {
      const repo = m.getRepository(SpeakerRequest);
      const waiting = await repo.findOne({
        where: { assemblyId: assembly.id, participantId: participant.id, status: SpeakerStatus.Waiting },
      });
      if (!waiting) throw new DomainError(ErrorCode.SpeakerStateInvalid, 'You are not waiting on the list of speakers.');
      await repo.update({ id: waiting.id }, { status: SpeakerStatus.Withdrawn, endedAt: new Date() });
    });
  }

  /** Ends the current turn, if any, inside the caller's change (also when the assembly closes). */
  async stopSpeaker(m: EntityManager, actor: LiveActor): Promise<boolean> {
    const repo = m.getRepository(SpeakerRequest);
    const speaking = await repo.findOne({
      where: { assemblyId: actor.assemblyId, status: SpeakerStatus.Speaking },
      relations: { participant: { user: true } },
    });
    if (!speaking) return false;
    const endedAt = new Date();
    await repo.update({ id: speaking.id }, { status: SpeakerStatus.Done, endedAt });
    await this.changes.record(m, actor, AssemblyEventType.SpeakerStopped, {
      speakerId: speaking.id,
      participantId: speaking.participantId,
      name: this.access.displayName(speaking.participant),
      startedAt: speaking.startedAt?.toISOString() ?? null,
      endedAt: endedAt.toISOString(),
      seconds: speaking.startedAt ? Math.round((endedAt.getTime() - speaking.startedAt.getTime()) / 1000) : null,
      timeLimitSeconds: speaking.timeLimitSeconds,
    });
    return true;
  }

  async startSpeaker(actor: LiveActor, speakerId: string): Promise<void> {
    await this.changes.change(actor, 'live', async (m, assembly) => {
      const repo = m.getRepository(SpeakerRequest);
      const next = await repo.findOne({ where: { id: speakerId, assemblyId: assembly.id }, relations: { participant: { user: true } } });
      if (!next) throw notFound('The speaker request');
      if (next.status !== SpeakerStatus.Waiting)
        throw new DomainError(ErrorCode.SpeakerStateInvalid, 'This person is not waiting to speak.');
      // One speaker at a time: the current turn ends.
      await this.stopSpeaker(m, actor);
      const startedAt = new Date();
      await repo.update({ id: next.id }, { status: SpeakerStatus.Speaking, startedAt, timeLimitSeconds: assembly.speakingTimeSeconds });
      await this.changes.record(m, actor, AssemblyEventType.SpeakerStarted, {
        speakerId: next.id,
        participantId: next.participantId,
        name: this.access.displayName(next.participant),
        startedAt: startedAt.toISOString(),
        timeLimitSeconds: assembly.speakingTimeSeconds,
        agendaItemId: assembly.currentItemId,
      });
    });
  }

  async stopCurrentSpeaker(actor: LiveActor): Promise<void> {
    await this.changes.change(actor, 'live', async (m) => {
      if (!(await this.stopSpeaker(m, actor))) throw new DomainError(ErrorCode.SpeakerStateInvalid, 'Nobody is speaking at the moment.');
    });
  }

  async orderSpeakers(actor: LiveActor, speakerIds: string[]): Promise<void> {
    await this.changes.change(actor, 'live', async (m, assembly) => {
      const repo = m.getRepository(SpeakerRequest);
      const waiting = await repo.find({ where: { assemblyId: assembly.id, status: SpeakerStatus.Waiting } });
      const ids = new Set(waiting.map((w) => w.id));
      if (speakerIds.length !== ids.size || new Set(speakerIds).size !== speakerIds.length || speakerIds.some((id) => !ids.has(id)))
        throw new DomainError(
          ErrorCode.SpeakerStateInvalid,
          'The new order must list every waiting speaker exactly once. Reload and try again.',
          [{ field: 'speakerIds', messages: ['speakerIds must contain each waiting speaker request exactly once'] }],
        );
      const last = await repo.findOne({ where: { assemblyId: assembly.id }, order: { position: 'DESC' } });
      let position = last?.position ?? 0;
      for (const id of speakerIds) await repo.update({ id }, { position: ++position });
    });
  }

  async setTimeLimit(actor: LiveActor, seconds: number | null): Promise<void> {
    await this.changes.change(actor, 'not-closed', async (m, assembly) => {
      await m.getRepository(Assembly).update({ id: assembly.id }, { speakingTimeSeconds: seconds });
      // The current turn gets the new limit too (the moderator gives more or less time).
      await m
        .getRepository(SpeakerRequest)
        .update({ assemblyId: assembly.id, status: SpeakerStatus.Speaking }, { timeLimitSeconds: seconds });
    });
  }
}
