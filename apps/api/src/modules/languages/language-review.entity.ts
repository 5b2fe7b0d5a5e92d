import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../../database/column-types';

/** A translation the city has checked (one row per reviewed language; none for German, the source). */
@Entity('language_reviews')
export class LanguageReview {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  language: string;

  @Column(timestampColumn())
  reviewedAt: Date;
}
