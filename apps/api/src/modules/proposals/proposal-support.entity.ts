import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { timestampColumn, uuidColumn } from '../../database/column-types';
import { User } from '../users/user.entity';
import { Proposal } from './proposal.entity';

/** One person's support of one proposal. The composite primary key makes a second one impossible. */
@Entity('proposal_supports')
export class ProposalSupport {
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

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
