import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ProposalStatus, ProposalStatusNoteKind, Role } from '@app/shared';
import { timestampColumn, uuidColumn } from '../../database/column-types';
import { Proposal } from './proposal.entity';

/** An immutable step in a proposal's public history: "what happened to my idea?". */
@Entity('proposal_status_events')
export class ProposalStatusEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column(uuidColumn())
  proposalId: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposalId' })
  proposal: Relation<Proposal>;

  @Column({ type: 'varchar', length: 20 })
  status: ProposalStatus;

  @Column({ type: 'text', nullable: true })
  explanation: string | null;

  /** A ProposalStatusNoteKind: the platform's own explanation, rendered in the reader's language. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  note: ProposalStatusNoteKind | null;

  /** With a note: the project idea's title it names. */
  @Column({ type: 'text', nullable: true })
  noteTitle: string | null;

  @Column(uuidColumn({ nullable: true }))
  actorId: string | null;

  @Column({ type: 'varchar', length: 20 })
  actorRole: Role;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
