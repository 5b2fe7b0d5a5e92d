import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { timestampColumn, uuidColumn } from '../../database/column-types';
import { Proposal } from '../proposals/proposal.entity';
import { User } from '../users/user.entity';

/**
 * One person's notification setting for one proposal. A row with muted=false is a follow; a row
 * with muted=true records "no more mails" (needed for the author, who is a recipient without a row).
 */
@Entity('proposal_follows')
export class ProposalFollow {
  @PrimaryColumn(uuidColumn())
  proposalId: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposalId' })
  proposal: Relation<Proposal>;

  @Index()
  @PrimaryColumn(uuidColumn())
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user: Relation<User>;

  @Column({ type: 'boolean', default: false })
  muted: boolean;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}

/**
 * The unsubscribe token of one notification mail, as its SHA-256 only. One per mail, so the link
 * in an older mail keeps working after newer ones went out; it mutes the person's follow row.
 */
@Entity('proposal_unsubscribe_tokens')
export class ProposalUnsubscribeToken {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index()
  @Column(uuidColumn())
  proposalId: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposalId' })
  proposal: Relation<Proposal>;

  @Index()
  @Column(uuidColumn())
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user: Relation<User>;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
