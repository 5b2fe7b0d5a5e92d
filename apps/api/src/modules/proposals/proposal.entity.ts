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
import { Language, ProposalStatus } from '@app/shared';
import { timestamp, timestampColumn, uuidColumn } from '../../database/column-types';
import { Area } from '../areas/area.entity';
import { FieldOfAction } from '../fields-of-action/field-of-action.entity';
import { User } from '../users/user.entity';

/** A citizen's proposal (Vorschlag), online or entered by a moderator from an assembly. */
@Entity('proposals')
@Index(['createdAt', 'id'])
@Index(['supportCount', 'createdAt', 'id'])
@Index(['commentCount', 'createdAt', 'id'])
export class Proposal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 140 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Title and text lower-cased by JavaScript's Unicode rules (SQLite's LOWER() folds ASCII only). */
  @Column({ type: 'text', default: '' })
  searchText: string;

  @Index()
  @Column(uuidColumn())
  fieldOfActionId: string;

  @ManyToOne(() => FieldOfAction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fieldOfActionId' })
  fieldOfAction: Relation<FieldOfAction>;

  @Index()
  @Column(uuidColumn())
  areaId: string;

  @ManyToOne(() => Area, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'areaId' })
  area: Relation<Area>;

  /** The person whose idea it is; null for input entered on behalf of someone without an account. */
  @Index()
  @Column(uuidColumn({ nullable: true }))
  authorId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authorId' })
  author: Relation<User> | null;

  /** Who typed it in: the author, or the moderator entering paper/oral input. */
  @Column(uuidColumn())
  submittedById: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  sourceNote: string | null;

  @Column({ type: 'varchar', length: 8, default: Language.German })
  language: Language;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Index()
  @Column({ type: 'varchar', length: 20, default: ProposalStatus.Submitted })
  status: ProposalStatus;

  @Column(uuidColumn({ nullable: true }))
  mergedIntoId: string | null;

  /** Kept equal to the number of rows in proposal_supports (recounted on every change). */
  @Column({ type: 'integer', default: 0 })
  supportCount: number;

  @Column({ type: 'integer', default: 0 })
  commentCount: number;

  /** Set by moderation: hidden proposals leave the public list; the reason is public. */
  @Column(timestamp({ nullable: true }))
  hiddenAt: Date | null;

  @Column({ type: 'text', nullable: true })
  hiddenReason: string | null;

  @Column(timestamp({ nullable: true }))
  editedAt: Date | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;

  @UpdateDateColumn(timestampColumn())
  updatedAt: Date;
}
