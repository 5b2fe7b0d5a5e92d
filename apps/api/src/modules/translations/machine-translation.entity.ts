import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../../database/column-types';

/**
 * A cached machine translation of one text, addressed by the hash of source language, target
 * language and text: the same words are sent to the translation server once.
 */
@Entity('machine_translations')
export class MachineTranslation {
  /** sha256 of `source \n target \n text`, hex. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'varchar', length: 8 })
  sourceLanguage: string;

  @Column({ type: 'varchar', length: 8 })
  targetLanguage: string;

  @Column({ type: 'text' })
  text: string;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
