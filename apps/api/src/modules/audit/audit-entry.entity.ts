import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn, uuidColumn } from '../../database/column-types';

/** Who changed what, when and why: role changes, reference-data edits, later moderation. */
@Entity('audit_entries')
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The acting account; null when it was deleted since or the system acted. */
  @Column(uuidColumn({ nullable: true }))
  actorId: string | null;

  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  entityId: string | null;

  @Column({ type: 'simple-json', nullable: true })
  details: Record<string, unknown> | null;

  @Index()
  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
