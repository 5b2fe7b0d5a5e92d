import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { SignLanguageVideoMimeType } from '@app/shared';
import { timestampColumn, uuidColumn } from '../../database/column-types';

/**
 * The city's video in Deutsche Gebärdensprache with its German WebVTT captions: at most one row, the
 * current video (the service replaces it under a lock). The files live in UPLOAD_DIR/sign-language/,
 * named by the id, which is chosen before they are moved into place.
 */
@Entity('sign_language_videos')
export class SignLanguageVideoEntity {
  @PrimaryColumn(uuidColumn())
  id: string;

  @Column({ type: 'varchar', length: 200 })
  videoFileName: string;

  @Column({ type: 'varchar', length: 40 })
  videoMimeType: SignLanguageVideoMimeType;

  @Column({ type: 'integer' })
  videoSize: number;

  /** SHA-256 of the video's bytes (its ETag). */
  @Column({ type: 'varchar', length: 64 })
  videoSha256: string;

  @Column({ type: 'varchar', length: 200 })
  captionsFileName: string;

  @Column({ type: 'varchar', length: 40 })
  captionsMimeType: 'text/vtt';

  @Column({ type: 'integer' })
  captionsSize: number;

  @Column({ type: 'varchar', length: 64 })
  captionsSha256: string;

  /** A short summary or the link to a transcript. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  /** The administrator who uploaded it (accounts are never removed, only anonymised; no foreign key, like the audit log). */
  @Column(uuidColumn({ nullable: true }))
  uploadedById: string | null;

  @CreateDateColumn(timestampColumn())
  uploadedAt: Date;
}
