import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { timestampColumn } from '../../database/column-types';

/** A Handlungsfeld of the action plan (AB, EK, SZ). Deactivated rather than deleted. */
@Entity('fields_of_action')
export class FieldOfAction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 160 })
  nameDe: string;

  @Column({ type: 'varchar', length: 160 })
  nameEn: string;

  @Column({ type: 'text' })
  descriptionDe: string;

  @Column({ type: 'text' })
  descriptionEn: string;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;

  @UpdateDateColumn(timestampColumn())
  updatedAt: Date;
}
