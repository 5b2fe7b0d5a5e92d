import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { ProjectState, type EvaluationOutcome, type ProposalStatus, type Role } from '@app/shared';
import { timestamp, timestampColumn, uuidColumn } from '../../database/column-types';
import { Area } from '../areas/area.entity';
import { LiveProposalEntity } from '../live/entities/live.entities';
import { FieldOfAction } from '../fields-of-action/field-of-action.entity';
import { Proposal } from '../proposals/proposal.entity';

/** A JSON value kept in a text column (the same on SQLite and PostgreSQL). */
const jsonText = {
  to: (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value)),
  from: (value: string | null) => (value === null || value === undefined ? null : (JSON.parse(value) as unknown)),
};

/**
 * A project in the Verstetigung lifecycle (libs/shared/src/workflow): it starts as a project idea
 * grouping proposals and moves by transitions only. The columns hold what the transitions record;
 * `version` rises with every change, and every change is a conditional UPDATE on it (optimistic locking).
 */
@Entity('projects')
export class Project {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Index()
  @Column(uuidColumn())
  fieldOfActionId: string;

  @ManyToOne(() => FieldOfAction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fieldOfActionId' })
  fieldOfAction: Relation<FieldOfAction>;

  @Index()
  @Column({ type: 'varchar', length: 20, default: ProjectState.Idea })
  state: ProjectState;

  /** While parked: the state resume returns to. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  parkedFrom: ProjectState | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** When the project entered its current state (the portfolio's "age in state"). */
  @Column(timestamp({ nullable: true }))
  stateSince: Date | null;

  // Single project (promote_to_single_project, create_instance_from_type)
  @Column({ type: 'varchar', length: 200, nullable: true })
  operatorName: string | null;

  /** The Aktionsraum the single project runs in. */
  @Index()
  @Column(uuidColumn({ nullable: true }))
  actionAreaId: string | null;

  @ManyToOne(() => Area, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actionAreaId' })
  actionArea: Relation<Area> | null;

  /** Calendar dates "YYYY-MM-DD". */
  @Column({ type: 'varchar', length: 10, nullable: true })
  startDate: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  endDate: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  fundingSource: string | null;

  /** Euro cents (the API refuses amounts beyond MAX_FUNDING_CENTS). */
  @Column({ type: 'integer', nullable: true })
  fundingAmountCents: number | null;

  // Project type (promote_to_project_type)
  @Column({ type: 'text', nullable: true })
  patternDescription: string | null;

  // Regular operation (enter_regular_operation)
  @Column({ type: 'varchar', length: 200, nullable: true })
  responsibleDepartment: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  budgetLine: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  decisionBody: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  decisionNumber: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  decisionDate: string | null;

  /** A single project created from a type ("run this in Hörde too"): the type. */
  @Index()
  @Column(uuidColumn({ nullable: true }))
  typeId: string | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'typeId' })
  type: Relation<Project> | null;

  // The run of a single project: finished and evaluated (the project-type guard looks at these).
  @Column(timestamp({ nullable: true }))
  finishedAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  evaluationOutcome: EvaluationOutcome | null;

  @Column({ type: 'text', nullable: true })
  evaluationEvidence: string | null;

  /** JSON list of indicator keys. */
  @Column({ type: 'text', nullable: true, transformer: jsonText })
  evaluationIndicatorKeys: string[] | null;

  @Column(timestamp({ nullable: true }))
  evaluatedAt: Date | null;

  @Column(uuidColumn({ nullable: true }))
  createdById: string | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;

  @UpdateDateColumn(timestampColumn())
  updatedAt: Date;
}

/** The areas a project concerns (an idea may span several; a single project adds its Aktionsraum). */
@Entity('project_areas')
export class ProjectArea {
  @PrimaryColumn(uuidColumn())
  projectId: string;

  @PrimaryColumn(uuidColumn())
  @Index()
  areaId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project: Relation<Project>;

  @ManyToOne(() => Area, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'areaId' })
  area: Relation<Area>;
}

/** A proposal (online, or live from an assembly) grouped into a project idea; each belongs to at most one. */
@Entity('project_proposals')
export class ProjectProposal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column(uuidColumn())
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project: Relation<Project>;

  @Column(uuidColumn({ nullable: true, unique: true }))
  proposalId: string | null;

  @ManyToOne(() => Proposal, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposalId' })
  proposal: Relation<Proposal> | null;

  @Column(uuidColumn({ nullable: true, unique: true }))
  liveProposalId: string | null;

  @ManyToOne(() => LiveProposalEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'liveProposalId' })
  liveProposal: Relation<LiveProposalEntity> | null;

  /** The online proposal's status before it was grouped (restored when it is unlinked). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  previousStatus: ProposalStatus | null;

  @Column(uuidColumn({ nullable: true }))
  linkedById: string | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}

/**
 * An immutable step in a project's public timeline: every transition, and the grouping and
 * evaluation steps. `version` is the project's version after the step: it orders the timeline
 * and (unique per project) refuses a second writer of the same step.
 */
@Entity('project_events')
@Index(['projectId', 'version'], { unique: true })
export class ProjectEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project: Relation<Project>;

  @Column({ type: 'integer' })
  version: number;

  /** A TransitionId, or one of PROJECT_EVENT_KINDS (created, proposal_linked, …). */
  @Column({ type: 'varchar', length: 40 })
  transitionId: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromState: ProjectState | null;

  @Column({ type: 'varchar', length: 20 })
  toState: ProjectState;

  @Column({ type: 'varchar', length: 20 })
  actorRole: Role;

  @Column(uuidColumn({ nullable: true }))
  actorId: string | null;

  /** The public reason (side exits, resume), when the step has one. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** What the step recorded (the transition's normalised input, the linked proposal …). */
  @Column({ type: 'text', nullable: true, transformer: jsonText })
  data: Record<string, unknown> | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}

/** A planned milestone of a single project (for transparency): a title, a due date, the day it was reached. */
@Entity('project_milestones')
export class ProjectMilestoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column(uuidColumn())
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project: Relation<Project>;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Calendar dates "YYYY-MM-DD". */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  reachedOn: string | null;

  @Column(uuidColumn({ nullable: true }))
  createdById: string | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;

  @UpdateDateColumn(timestampColumn())
  updatedAt: Date;
}

/** An immutable status report of a single project: the day it describes, progress in percent, a short text. */
@Entity('project_status_reports')
export class ProjectStatusReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column(uuidColumn())
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project: Relation<Project>;

  /** Calendar date "YYYY-MM-DD", not in the future. */
  @Column({ type: 'varchar', length: 10 })
  reportDate: string;

  @Column({ type: 'integer' })
  progressPercent: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 20 })
  actorRole: Role;

  @Column(uuidColumn({ nullable: true }))
  actorId: string | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
