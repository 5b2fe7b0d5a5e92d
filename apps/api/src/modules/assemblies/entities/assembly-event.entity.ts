import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Role } from '@app/shared';
import { timestampColumn, uuidColumn } from '../../../database/column-types';
import { Assembly } from './assembly.entity';

/** The recorded course of an assembly, append-only; the minutes are generated from it. */
@Entity('assembly_events')
@Index(['assemblyId', 'createdAt'])
export class AssemblyEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  assemblyId: string;

  @ManyToOne(() => Assembly, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assemblyId' })
  assembly: Relation<Assembly>;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'simple-json' })
  data: Record<string, unknown>;

  @Column({ type: 'varchar', length: 20, nullable: true })
  actorRole: Role | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
