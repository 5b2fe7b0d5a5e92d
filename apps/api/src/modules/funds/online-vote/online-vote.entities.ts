import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
  type ValueTransformer,
} from 'typeorm';
import type { OnlineVoteItem } from '@app/shared/funds';
import { timestamp, timestampColumn, uuidColumn } from '../../../database/column-types';
import { centsColumn, Fund } from '../fund.entities';

const itemsText: ValueTransformer = {
  to: (value: OnlineVoteItem[] | undefined) => (value === undefined ? undefined : JSON.stringify(value)),
  from: (value: string | null) => (value ? (JSON.parse(value) as OnlineVoteItem[]) : []),
};

/**
 * A fund's online budget vote (one per fund): its period, binding or consultative, the budget (the
 * fund's remaining money at opening) and the items (the agenda's applications at opening).
 */
@Entity('fund_online_votes')
export class FundOnlineVote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column(uuidColumn())
  fundId: string;

  @ManyToOne(() => Fund, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fundId' })
  fund?: Relation<Fund>;

  @Column(timestamp())
  startsAt: Date;

  @Column(timestamp())
  endsAt: Date;

  @Column({ type: 'boolean', default: false })
  binding: boolean;

  @Column({ type: 'bigint', transformer: centsColumn })
  budgetCents: number;

  @Column({ type: 'text', transformer: itemsText })
  items: OnlineVoteItem[];

  /** How many voting codes were issued (numbers on the printed cards continue from it). */
  @Column({ type: 'integer', default: 0 })
  codeCount: number;

  @Column(uuidColumn({ nullable: true }))
  openedById: string | null;

  @Column(timestamp({ nullable: true }))
  confirmedAt: Date | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}

/** A personal voting code of a binding vote: only its SHA-256 is kept. */
@Entity('fund_online_vote_codes')
export class FundOnlineVoteCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column(uuidColumn())
  voteId: string;

  @ManyToOne(() => FundOnlineVote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'voteId' })
  vote?: Relation<FundOnlineVote>;

  @Column({ type: 'integer' })
  number: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  codeHash: string;
}

/**
 * Who voted: one row per voter key ("account:<user id>" or "code:<code id>"), unique per vote, so the
 * database refuses a second ballot. No time and nothing of the ballot: it cannot be joined to the tallies.
 */
@Entity('fund_online_vote_voters')
@Index(['voteId', 'voterKey'], { unique: true })
export class FundOnlineVoteVoter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  voteId: string;

  @ManyToOne(() => FundOnlineVote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'voteId' })
  vote?: Relation<FundOnlineVote>;

  @Column({ type: 'varchar', length: 80 })
  voterKey: string;
}

/** What was voted: a counter per item, raised by each ballot approving it (no row per ballot). */
@Entity('fund_online_vote_tallies')
export class FundOnlineVoteTally {
  @PrimaryColumn(uuidColumn())
  voteId: string;

  @ManyToOne(() => FundOnlineVote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'voteId' })
  vote?: Relation<FundOnlineVote>;

  @PrimaryColumn(uuidColumn())
  applicationId: string;

  @Column({ type: 'bigint', default: 0, transformer: centsColumn })
  votes: number;
}
