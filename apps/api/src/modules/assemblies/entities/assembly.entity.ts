import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import {
  AgendaItemType,
  AssemblyStatus,
  AssemblyVisibility,
  RegistrationStatus,
  type Language,
  type PreparedVote,
  type TitleTranslations,
} from '@app/shared';
import { timestamp, timestampColumn, uuidColumn } from '../../../database/column-types';
import { Area } from '../../areas/area.entity';
import { User } from '../../users/user.entity';

/**
 * A Bürgerversammlung. Its live state (current item, intake, speakers' time limit) is stored here,
 * not in a process's memory, so every API process and every reconnecting client sees the same.
 */
@Entity('assemblies')
@Index(['startsAt'])
export class Assembly {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 300 })
  place: string;

  @Column(timestamp())
  startsAt: Date;

  @Column(timestamp())
  endsAt: Date;

  @Column({ type: 'varchar', length: 20, default: AssemblyStatus.Planned })
  status: AssemblyStatus;

  @Column({ type: 'varchar', length: 20, default: AssemblyVisibility.Public })
  visibility: AssemblyVisibility;

  @Column({ type: 'varchar', length: 12, unique: true })
  joinCode: string;

  @Column({ type: 'boolean', default: false })
  requireAccount: boolean;

  /** New voting rounds are binding by default: one ballot per check-in card (check_in_cards). */
  @Column({ type: 'boolean', default: false })
  requireCheckIn: boolean;

  @Column({ type: 'boolean', default: false })
  registrationEnabled: boolean;

  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column(uuidColumn({ nullable: true }))
  currentItemId: string | null;

  @Column({ type: 'boolean', default: false })
  intakeOpen: boolean;

  @Column({ type: 'integer', nullable: true })
  speakingTimeSeconds: number | null;

  /** The hall screen's second language, chosen in the console (null: one language). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  projectorLanguage: Language | null;

  /** Grows with every change of the live state; clients keep the newest state they saw. */
  @Column({ type: 'integer', default: 0 })
  stateVersion: number;

  @Column(uuidColumn({ nullable: true }))
  createdById: string | null;

  @ManyToMany(() => Area)
  @JoinTable({ name: 'assembly_areas', joinColumn: { name: 'assemblyId' }, inverseJoinColumn: { name: 'areaId' } })
  areas: Area[];

  @ManyToMany(() => User)
  @JoinTable({ name: 'assembly_moderators', joinColumn: { name: 'assemblyId' }, inverseJoinColumn: { name: 'userId' } })
  moderators: User[];

  @CreateDateColumn(timestampColumn())
  createdAt: Date;

  @UpdateDateColumn(timestampColumn())
  updatedAt: Date;
}

@Entity('agenda_items')
@Index(['assemblyId', 'position'])
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  assemblyId: string;

  @ManyToOne(() => Assembly, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assemblyId' })
  assembly: Relation<Assembly>;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 30 })
  type: AgendaItemType;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** A vote item's prepared vote (checked by the voting model on save), started from the console. */
  @Column({ type: 'simple-json', nullable: true })
  preparedVote: PreparedVote | null;

  /** The moderator's translations of the title by language (null: none); a new title drops them. */
  @Column({ type: 'simple-json', nullable: true })
  translations: TitleTranslations | null;
}

/** Registration for an assembly with a capacity: confirmed, on the waiting list, or cancelled. */
@Entity('assembly_registrations')
export class AssemblyRegistration {
  @PrimaryColumn(uuidColumn())
  assemblyId: string;

  @ManyToOne(() => Assembly, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assemblyId' })
  assembly: Relation<Assembly>;

  @Index()
  @PrimaryColumn(uuidColumn())
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user: Relation<User>;

  @Column({ type: 'varchar', length: 20 })
  status: RegistrationStatus;

  /** When the person (re-)registered: the order of the waiting list. */
  @Column(timestamp())
  registeredAt: Date;

  /** Set once the reminder mail went out (a conditional update makes it once, across processes). */
  @Column(timestamp({ nullable: true }))
  reminderSentAt: Date | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
