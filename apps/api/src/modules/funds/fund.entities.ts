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
  type ValueTransformer,
} from 'typeorm';
import type { AttachmentMimeType, Role } from '@app/shared';
import type { ApplicationCostItem, ApplicationSource, ApplicationState, FundApplicantKind, FundDecisionMode } from '@app/shared/funds';
import { timestamp, timestampColumn, uuidColumn } from '../../database/column-types';
import { Area } from '../areas/area.entity';
import { FieldOfAction } from '../fields-of-action/field-of-action.entity';
import { Project } from '../projects/project.entities';
import { Proposal } from '../proposals/proposal.entity';
import { User } from '../users/user.entity';

/**
 * Cents in a bigint column: the pg driver returns bigint as a string, SQLite as a number; both become
 * a number. The API refuses amounts above FUND_AMOUNT_MAX_CENTS, so every sum stays a safe integer.
 */
export const centsColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

/** A JSON value kept in a text column (the same on SQLite and PostgreSQL). */
const jsonText: ValueTransformer = {
  to: (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value)),
  from: (value: string | null) => (value === null || value === undefined ? null : (JSON.parse(value) as unknown)),
};

/**
 * The Aktionsraumfonds of one Aktionsraum and year (issue 17). approved/paid/returned are kept in the
 * row beside the applications that make them up and change in the same transaction: the approval is
 * a guarded UPDATE on them, so the approved sum can never pass the amount, on either database.
 */
@Entity('funds')
@Index(['areaId', 'year'], { unique: true })
export class Fund {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  areaId: string;

  @ManyToOne(() => Area, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'areaId' })
  area: Relation<Area>;

  @Index()
  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'bigint', transformer: centsColumn })
  amountCents: number;

  @Column({ type: 'bigint', transformer: centsColumn })
  maxPerApplicationCents: number;

  /** Calendar dates "YYYY-MM-DD", inclusive. */
  @Column({ type: 'varchar', length: 10 })
  applicationStart: string;

  @Column({ type: 'varchar', length: 10 })
  applicationEnd: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  conferenceDate: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Sum approved to applications that still commit money (approved and later, not withdrawn). */
  @Column({ type: 'bigint', default: 0, transformer: centsColumn })
  approvedCents: number;

  @Column({ type: 'bigint', default: 0, transformer: centsColumn })
  paidCents: number;

  /** Paid but not spent, recorded when a proof of use is closed: it can be approved again. */
  @Column({ type: 'bigint', default: 0, transformer: centsColumn })
  returnedCents: number;

  // The decision of the project conference (POST /api/funds/:id/decision), once.
  @Column({ type: 'varchar', length: 20, nullable: true })
  decisionMode: FundDecisionMode | null;

  /** The date of the decision "YYYY-MM-DD" (the conference's day). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  decisionDate: string | null;

  /** When it was recorded. */
  @Column(timestamp({ nullable: true }))
  decidedAt: Date | null;

  @Column(uuidColumn({ nullable: true }))
  decisionRoundId: string | null;

  @Column(uuidColumn({ nullable: true }))
  decisionAssemblyId: string | null;

  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;

  @Column(uuidColumn({ nullable: true }))
  createdById: string | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;

  @UpdateDateColumn(timestampColumn())
  updatedAt: Date;
}

/**
 * An application to a fund. It moves by the transitions of libs/shared/src/funds only; `version` rises
 * with every change and every change is a conditional UPDATE on it (optimistic locking, as projects).
 * `applicantId` owns it: the person applying online, or the moderator/administrator who entered a
 * paper application on someone's behalf (source paper, sourceNote says from what).
 */
@Entity('fund_applications')
@Index(['fundId', 'state'])
export class FundApplication {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  fundId: string;

  @ManyToOne(() => Fund, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fundId' })
  fund: Relation<Fund>;

  @Index()
  @Column(uuidColumn({ nullable: true }))
  applicantId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicantId' })
  applicant: Relation<User> | null;

  @Column({ type: 'varchar', length: 10 })
  source: ApplicationSource;

  @Column({ type: 'varchar', length: 300, nullable: true })
  sourceNote: string | null;

  @Column({ type: 'varchar', length: 20 })
  state: ApplicationState;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  purpose: string;

  @Column(uuidColumn({ nullable: true }))
  fieldOfActionId: string | null;

  @ManyToOne(() => FieldOfAction, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fieldOfActionId' })
  fieldOfAction: Relation<FieldOfAction> | null;

  /** A Quartier of the fund's Aktionsraum. */
  @Column(uuidColumn({ nullable: true }))
  neighbourhoodId: string | null;

  @ManyToOne(() => Area, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'neighbourhoodId' })
  neighbourhood: Relation<Area> | null;

  /** JSON list of ApplicationCostItem; their sum is the requested amount. */
  @Column({ type: 'text', transformer: jsonText })
  costItems: ApplicationCostItem[];

  @Column({ type: 'bigint', transformer: centsColumn })
  requestedAmountCents: number;

  @Column({ type: 'bigint', nullable: true, transformer: centsColumn })
  approvedAmountCents: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: centsColumn })
  paidAmountCents: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: centsColumn })
  spentAmountCents: number | null;

  /** paid − spent, recorded when the proof of use is accepted (close). */
  @Column({ type: 'bigint', nullable: true, transformer: centsColumn })
  returnedAmountCents: number | null;

  /** Calendar dates "YYYY-MM-DD" of the project's time frame. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  startDate: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  endDate: string | null;

  @Column({ type: 'varchar', length: 20 })
  applicantKind: FundApplicantKind;

  /** Public: a group's or organisation's name, or the person's name as they want it shown. */
  @Column({ type: 'varchar', length: 200 })
  applicantName: string;

  // Contact: private (the applicant, moderators and administrators only; never in open data).
  @Column({ type: 'varchar', length: 200 })
  contactName: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  contactAddress: string | null;

  /** Where it started, if anywhere: a proposal or a project idea. */
  @Column(uuidColumn({ nullable: true }))
  proposalId: string | null;

  @ManyToOne(() => Proposal, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposalId' })
  proposal: Relation<Proposal> | null;

  @Column(uuidColumn({ nullable: true }))
  projectIdeaId: string | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'projectIdeaId' })
  projectIdea: Relation<Project> | null;

  /** The Einzelprojekt it became (set by the projects side). */
  @Index()
  @Column(uuidColumn({ nullable: true }))
  projectId: string | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'projectId' })
  project: Relation<Project> | null;

  // Proof of use.
  /** JSON list of ApplicationCostItem: what was spent, by cost item. */
  @Column({ type: 'text', nullable: true, transformer: jsonText })
  spentItems: ApplicationCostItem[] | null;

  @Column({ type: 'text', nullable: true })
  proofReport: string | null;

  @Column(timestamp({ nullable: true }))
  proofSubmittedAt: Date | null;

  @Column(timestamp({ nullable: true }))
  submittedAt: Date | null;

  @Column(uuidColumn({ nullable: true }))
  createdById: string | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;

  @UpdateDateColumn(timestampColumn())
  updatedAt: Date;
}

/**
 * An immutable step of an application's public timeline. `version` is the application's version
 * after the step: it orders the timeline and (unique per application) refuses a second writer.
 */
@Entity('fund_application_events')
@Index(['applicationId', 'version'], { unique: true })
export class FundApplicationEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  applicationId: string;

  @ManyToOne(() => FundApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId' })
  application: Relation<FundApplication>;

  @Column({ type: 'integer' })
  version: number;

  /** An ApplicationTransitionId, 'created' or 'project_created'. */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromState: ApplicationState | null;

  @Column({ type: 'varchar', length: 20 })
  toState: ApplicationState;

  /** The acting role, or 'applicant' when the applicant acted. */
  @Column({ type: 'varchar', length: 20 })
  actorRole: Role | 'applicant';

  @Column(uuidColumn({ nullable: true }))
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** What the step recorded (the transition's normalised input, amounts, the decision …). */
  @Column({ type: 'text', nullable: true, transformer: jsonText })
  data: Record<string, unknown> | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}

/** What an attachment of an application is for: the application itself, or the proof of use (receipts, photos). */
export type ApplicationAttachmentPurpose = 'application' | 'proof';

/** An image or PDF attached to an application (the proposal attachments' rules). The bytes live in the upload directory, named by id. */
@Entity('fund_application_attachments')
@Index(['applicationId', 'createdAt'])
export class FundApplicationAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  applicationId: string;

  @ManyToOne(() => FundApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId' })
  application: Relation<FundApplication>;

  @Column({ type: 'varchar', length: 20 })
  purpose: ApplicationAttachmentPurpose;

  @Index()
  @Column(uuidColumn())
  uploadedById: string;

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'varchar', length: 40 })
  mimeType: AttachmentMimeType;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Column({ type: 'integer', nullable: true })
  height: number | null;

  @Column({ type: 'boolean', default: false })
  hasThumbnail: boolean;

  @Column({ type: 'varchar', length: 300, nullable: true })
  description: string | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
