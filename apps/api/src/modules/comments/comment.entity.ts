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
import { Language } from '@app/shared';
import { timestamp, timestampColumn, uuidColumn } from '../../database/column-types';
import { Proposal } from '../proposals/proposal.entity';
import { User } from '../users/user.entity';

/** A comment on a proposal, or a reply to one (two levels: parentId always names a top-level comment). */
@Entity('comments')
@Index(['proposalId', 'createdAt'])
export class Comment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  proposalId: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposalId' })
  proposal: Relation<Proposal>;

  /** The top-level comment this one replies to; null for a top-level comment. */
  @Index()
  @Column(uuidColumn({ nullable: true }))
  parentId: string | null;

  @ManyToOne(() => Comment, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parentId' })
  parent: Relation<Comment> | null;

  @Index()
  @Column(uuidColumn())
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authorId' })
  author: Relation<User>;

  @Column({ type: 'text' })
  body: string;

  /** The language it is written in (the author confirmed it; see CommentsService.create for the default). */
  @Column({ type: 'varchar', length: 8, default: Language.German })
  language: Language;

  /** Set by moderation: the comment keeps its place, its text is withheld and the reason shown. */
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
