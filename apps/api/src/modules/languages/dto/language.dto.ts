import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsDefined } from 'class-validator';
import { Language, LANGUAGES, type LanguageStatus } from '@app/shared';

export class LanguageStatusDto implements LanguageStatus {
  @ApiProperty({ enum: LANGUAGES, example: Language.Turkish }) language: Language;
  @ApiProperty({ example: 'Türkçe' }) endonym: string;
  @ApiProperty({ enum: ['ltr', 'rtl'] }) direction: 'ltr' | 'rtl';
  @ApiProperty({ description: 'German, the source of every text' }) source: boolean;
  @ApiProperty({ description: 'The city has checked this translation' }) reviewed: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt: string | null;
}

export class LanguageReviewDto {
  @ApiProperty({ description: 'true: the city has checked the translation; false: not (any more)' })
  @IsDefined()
  @IsBoolean()
  reviewed: boolean;
}
