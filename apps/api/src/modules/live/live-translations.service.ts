import { Injectable } from '@nestjs/common';
import {
  AssemblyEventType,
  ErrorCode,
  VotingRoundStatus,
  checkRoundTranslation,
  checkTitleTranslation,
  type ItemTranslationPayload,
  type Language,
  type LiveRound,
  type RoundTranslationPayload,
} from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { AgendaItemEntity, Assembly } from '../assemblies/entities/assembly.entity';
import { problemDetails } from './ballot-validation';
import { VotingRoundEntity } from './entities/live.entities';
import { LiveChanges, type LiveActor } from './live-changes';
import { LiveMapper } from './live.mapper';

/** Without any key left, a translations column goes back to null (none). */
function orNull<T extends object>(map: T): T | null {
  return Object.keys(map).length ? map : null;
}

/**
 * The live assembly in several languages: the moderator's translations of a round's question and
 * options and of an agenda item's title, and the hall screen's second language. A translation is
 * kept beside the typed original and never changes it, the options' ids or a ballot; open rounds
 * reach the phones with the next state.
 */
@Injectable()
export class LiveTranslationsService {
  constructor(
    private readonly changes: LiveChanges,
    private readonly map: LiveMapper,
  ) {}

  /** Adds, replaces or (translation null) removes one language of a round, until the round is closed (409 after). */
  async setRoundTranslation(actor: LiveActor, input: RoundTranslationPayload): Promise<LiveRound> {
    return this.changes.change(actor, 'not-closed', async (m, assembly) => {
      const rounds = m.getRepository(VotingRoundEntity);
      const round = await rounds.findOne({ where: { id: input.roundId, assemblyId: assembly.id } });
      if (!round) throw notFound('The voting round');
      if (round.status !== VotingRoundStatus.Draft && round.status !== VotingRoundStatus.Open)
        throw new DomainError(ErrorCode.RoundStateInvalid, 'Translations can be added or changed until the round is closed.');
      const translations = { ...(round.translations ?? {}) };
      if (input.translation) {
        const { translation, problems } = checkRoundTranslation(round, { language: input.language, ...input.translation });
        if (problems.length)
          throw new DomainError(ErrorCode.UnprocessableEntity, 'Please check the translation.', problemDetails(problems));
        translations[input.language] = translation;
      } else {
        // Removing is idempotent: a retry after a lost acknowledgement finds nothing left to remove.
        delete translations[input.language];
      }
      round.translations = orNull(translations);
      await rounds.update({ id: round.id }, { translations: round.translations });
      await this.changes.record(m, actor, AssemblyEventType.RoundTranslated, {
        roundId: round.id,
        language: input.language,
        question: input.translation ? translations[input.language]!.question : null,
      });
      const result = await this.changes.state.result(m, round);
      return this.map.round(round, result, true);
    });
  }

  /** Adds, replaces or (title null) removes one language of an agenda item's title. */
  async setItemTranslation(actor: LiveActor, input: ItemTranslationPayload): Promise<void> {
    await this.changes.change(actor, 'not-closed', async (m, assembly) => {
      const item = await this.changes.item(m, assembly.id, input.agendaItemId);
      const translations = { ...(item.translations ?? {}) };
      if (input.title !== null) {
        const { translation, problems } = checkTitleTranslation(input.language, input.title);
        if (problems.length)
          throw new DomainError(ErrorCode.UnprocessableEntity, 'Please check the translation.', problemDetails(problems));
        translations[input.language] = translation;
      } else {
        delete translations[input.language];
      }
      await m.getRepository(AgendaItemEntity).update({ id: item.id }, { translations: orNull(translations) });
      await this.changes.record(m, actor, AssemblyEventType.ItemTranslated, {
        itemId: item.id,
        language: input.language,
        title: input.title === null ? null : translations[input.language]!.title,
      });
    });
  }

  /** The hall screen's second language (null: one language). */
  async setProjectorLanguage(actor: LiveActor, language: Language | null): Promise<void> {
    await this.changes.change(actor, 'not-closed', async (m, assembly) => {
      await m.getRepository(Assembly).update({ id: assembly.id }, { projectorLanguage: language });
    });
  }
}
