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
} from 'typeorm';
import {
  Language,
  LiveProposalStatus,
  SpeakerStatus,
  VotingRoundStatus,
  VotingType,
  type ConfirmedAllocation,
  type RoundTranslations,
  type VotingOption,
} from '@app/shared';
import { timestamp, timestampColumn, uuidColumn } from '../../../database/column-types';
import { Assembly } from '../../assemblies/entities/assembly.entity';
import { Participant } from './participant.entity';

/** A short proposal made during the assembly (or a paper card typed in by a moderator). */
@Entity('live_proposals')
@Index(['assemblyId', 'createdAt'])
export class LiveProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  assemblyId: string;

  @ManyToOne(() => Assembly, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assemblyId' })
  assembly: Relation<Assembly>;

  @Column(uuidColumn({ nullable: true }))
  agendaItemId: string | null;

  /** null for input entered on behalf by a moderator. */
  @Column(uuidColumn({ nullable: true }))
  participantId: string | null;

  @ManyToOne(() => Participant, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'participantId' })
  participant: Relation<Participant> | null;

  @Column({ type: 'text' })
  text: string;

  /** The language it is written in (chosen on the phone, or by the moderator for a paper card). */
  @Column({ type: 'varchar', length: 8, default: Language.German })
  language: Language;

  @Column({ type: 'varchar', length: 300, nullable: true })
  sourceNote: string | null;

  @Column({ type: 'varchar', length: 20, default: LiveProposalStatus.Pending })
  status: LiveProposalStatus;

  @Column({ type: 'integer', default: 0 })
  supportCount: number;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}

/** One participant's support of one live proposal (the primary key refuses a second). */
@Entity('live_proposal_supports')
export class LiveProposalSupport {
  @PrimaryColumn(uuidColumn())
  liveProposalId: string;

  @ManyToOne(() => LiveProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'liveProposalId' })
  liveProposal: Relation<LiveProposalEntity>;

  @Index()
  @PrimaryColumn(uuidColumn())
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participantId' })
  participant: Relation<Participant>;
}

@Entity('voting_rounds')
@Index(['assemblyId', 'createdAt'])
export class VotingRoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  assemblyId: string;

  @ManyToOne(() => Assembly, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assemblyId' })
  assembly: Relation<Assembly>;

  @Column(uuidColumn({ nullable: true }))
  agendaItemId: string | null;

  @Column({ type: 'varchar', length: 300 })
  question: string;

  @Column({ type: 'varchar', length: 30 })
  type: VotingType;

  @Column({ type: 'simple-json' })
  options: VotingOption[];

  /** The moderator's translations of question and options by language (null: none); the typed texts stay the original. */
  @Column({ type: 'simple-json', nullable: true })
  translations: RoundTranslations | null;

  @Column({ type: 'integer', nullable: true })
  maxChoices: number | null;

  @Column({ type: 'integer', nullable: true })
  points: number | null;

  /** Budget vote: the money to distribute, in cents. */
  @Column({ type: 'integer', nullable: true })
  budgetCents: number | null;

  /** Budget vote: the allocation the moderator confirmed (stored once; null: not yet). */
  @Column({ type: 'simple-json', nullable: true })
  allocation: ConfirmedAllocation | null;

  @Column(timestamp({ nullable: true }))
  allocationConfirmedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  secret: boolean;

  @Column({ type: 'boolean', default: false })
  requireCheckIn: boolean;

  @Column({ type: 'varchar', length: 20, default: VotingRoundStatus.Draft })
  status: VotingRoundStatus;

  /** The moderator's count of people who voted in the hall, and a note on how it was counted. */
  @Column({ type: 'integer', nullable: true })
  hallBallots: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  hallNote: string | null;

  @Column(timestamp({ nullable: true }))
  openedAt: Date | null;

  @Column(timestamp({ nullable: true }))
  closedAt: Date | null;

  @Column(timestamp({ nullable: true }))
  publishedAt: Date | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}

/**
 * The one-vote record: that a participant voted in a round, never what. The primary key makes a
 * second ballot of a device impossible; in binding rounds the unique (round, check-in card) makes a
 * second ballot of a person impossible, whichever device holds the card. The idempotency key lets a
 * retry get the first answer back.
 */
@Entity('ballot_receipts')
@Index(['roundId', 'checkInCardId'], { unique: true })
export class BallotReceipt {
  @PrimaryColumn(uuidColumn())
  roundId: string;

  @ManyToOne(() => VotingRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'roundId' })
  round: Relation<VotingRoundEntity>;

  @Index()
  @PrimaryColumn(uuidColumn())
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participantId' })
  participant: Relation<Participant>;

  @Column({ type: 'varchar', length: 64 })
  idempotencyKey: string;

  /** Binding rounds: the person's check-in card (its first one, see CheckInCard.personCardId); null in non-binding rounds. */
  @Column(uuidColumn({ nullable: true }))
  checkInCardId: string | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}

/** Open rounds only: who chose what (public by design of an open ballot). Secret rounds have no such rows. */
@Entity('open_ballots')
export class OpenBallot {
  @PrimaryColumn(uuidColumn())
  roundId: string;

  @ManyToOne(() => VotingRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'roundId' })
  round: Relation<VotingRoundEntity>;

  @PrimaryColumn(uuidColumn())
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participantId' })
  participant: Relation<Participant>;

  /** Option id → votes (1 per chosen option; points for dot voting). */
  @Column({ type: 'simple-json' })
  choices: Record<string, number>;
}

/**
 * The results: one counter per option, raised in the same transaction as the receipt. It holds
 * sums only, no person and no time, so a secret ballot cannot be traced back through it.
 */
@Entity('round_tallies')
export class RoundTally {
  @PrimaryColumn(uuidColumn())
  roundId: string;

  @ManyToOne(() => VotingRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'roundId' })
  round: Relation<VotingRoundEntity>;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  optionId: string;

  @Column({ type: 'integer', default: 0 })
  online: number;

  /** The moderator's hall count for this option (show of hands, paper ballots). */
  @Column({ type: 'integer', default: 0 })
  hall: number;
}

@Entity('speaker_requests')
@Index(['assemblyId', 'status', 'position'])
export class SpeakerRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  assemblyId: string;

  @ManyToOne(() => Assembly, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assemblyId' })
  assembly: Relation<Assembly>;

  @Column(uuidColumn())
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participantId' })
  participant: Relation<Participant>;

  @Column({ type: 'varchar', length: 20, default: SpeakerStatus.Waiting })
  status: SpeakerStatus;

  @Column({ type: 'integer' })
  position: number;

  @Column(timestamp({ nullable: true }))
  startedAt: Date | null;

  @Column(timestamp({ nullable: true }))
  endedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  timeLimitSeconds: number | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
