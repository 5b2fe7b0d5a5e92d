import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  DEFAULT_LANGUAGE,
  ErrorCode,
  isLanguage,
  LANGUAGE_ENDONYMS,
  LANGUAGES,
  textDirection,
  type Language,
  type LanguageStatus,
} from '@app/shared';
import { isUniqueViolation } from '../../common/errors/all-exceptions.filter';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import { LanguageReview } from './language-review.entity';

/** Which translations the city has checked; until then the footer says so in that language. */
@Injectable()
export class LanguagesService {
  constructor(
    @InjectRepository(LanguageReview) private readonly reviews: Repository<LanguageReview>,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<LanguageStatus[]> {
    const reviewed = new Map((await this.reviews.find()).map((row) => [row.language, row.reviewedAt]));
    return LANGUAGES.map((language) => status(language, reviewed.get(language) ?? null));
  }

  /** Marks a translation as checked by the city (reviewed = true) or takes that back. */
  async setReviewed(actor: User, code: string, reviewed: boolean): Promise<LanguageStatus> {
    const language = known(code);
    if (language === DEFAULT_LANGUAGE)
      throw new DomainError(ErrorCode.UnprocessableEntity, 'German is the source of every text; only its translations are reviewed.');
    const reviewedAt = reviewed ? await this.markReviewed(language) : null;
    if (!reviewed) await this.reviews.delete({ language });
    await this.audit.record({
      actorId: actor.id,
      action: reviewed ? 'language.reviewed' : 'language.review_withdrawn',
      entityType: 'language',
      details: { language },
    });
    return status(language, reviewedAt);
  }

  /** The date the language was first marked as checked: kept when it is marked again, also by two administrators at once. */
  private async markReviewed(language: Language): Promise<Date> {
    const existing = await this.reviews.findOneBy({ language });
    if (existing) return existing.reviewedAt;
    const reviewedAt = new Date();
    try {
      await this.reviews.insert({ language, reviewedAt });
      return reviewedAt;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return (await this.reviews.findOneByOrFail({ language })).reviewedAt;
    }
  }
}

function known(code: string): Language {
  if (isLanguage(code)) return code;
  throw new DomainError(ErrorCode.NotFound, `There is no language "${code}". The languages are: ${LANGUAGES.join(', ')}.`);
}

function status(language: Language, reviewedAt: Date | null): LanguageStatus {
  const source = language === DEFAULT_LANGUAGE;
  return {
    language,
    endonym: LANGUAGE_ENDONYMS[language],
    direction: textDirection(language),
    source,
    reviewed: source || reviewedAt !== null,
    reviewedAt: reviewedAt ? new Date(reviewedAt).toISOString() : null,
  };
}
