import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { AreaType } from '@app/shared';
import { timestampColumn, uuidColumn } from '../../database/column-types';

/**
 * A Stadtbezirk, Aktionsraum or Quartier. Areas change over time (a revision of the social
 * report drops or adds Aktionsräume), so an area is retired by its validTo date, never deleted.
 */
@Entity('areas')
export class Area {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  type: AreaType;

  @Column({ type: 'varchar', length: 60, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Index()
  @Column(uuidColumn({ nullable: true }))
  parentId: string | null;

  @ManyToOne(() => Area, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parentId' })
  parent: Relation<Area> | null;

  /** YYYY-MM-DD */
  @Column({ type: 'date' })
  validFrom: string;

  /** YYYY-MM-DD, inclusive; null while the area is still valid. */
  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  /** Aktionsräume only: supports one person may give at once in this area and its Quartiere; null = no limit. */
  @Column({ type: 'integer', nullable: true })
  supportLimit: number | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;

  @UpdateDateColumn(timestampColumn())
  updatedAt: Date;
}
