import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ReportStatus, ReportTargetType } from '@app/shared';
import { timestamp, timestampColumn, uuidColumn } from '../../database/column-types';
import { Proposal } from '../proposals/proposal.entity';
import { User } from '../users/user.entity';

/** Marks an open report in the uniqueness index; resolved reports hold null, which never collides. */
export const OPEN_KEY = 1;

/** A person's report of a proposal or comment to the moderators of its area. */
@Entity('reports')
@Index(['reporterId', 'targetType', 'targetId', 'openKey'], { unique: true })
@Index(['status', 'targetType', 'targetId'])
export class Report {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  targetType: ReportTargetType;

  @Column(uuidColumn())
  targetId: string;

  /** The proposal the target belongs to (the target itself for proposals): decides the area, hence who moderates. */
  @Index()
  @Column(uuidColumn())
  proposalId: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposalId' })
  proposal: Relation<Proposal>;

  @Index()
  @Column(uuidColumn())
  reporterId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reporterId' })
  reporter: Relation<User>;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  @Column({ type: 'varchar', length: 20, default: ReportStatus.Open })
  status: ReportStatus;

  /** OPEN_KEY while open, null once resolved: one open report per person and target, any number of resolved ones. */
  @Column({ type: 'integer', nullable: true })
  openKey: number | null;

  @Column(timestamp({ nullable: true }))
  resolvedAt: Date | null;

  @Column(uuidColumn({ nullable: true }))
  resolvedById: string | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
