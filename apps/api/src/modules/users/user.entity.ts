import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Language, Role } from '@app/shared';
import { timestamp, timestampColumn } from '../../database/column-types';
import { Area } from '../areas/area.entity';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower-cased; null once the account is deleted. Unique among non-null values. */
  @Column({ type: 'varchar', length: 254, nullable: true, unique: true })
  email: string | null;

  /** A new address waiting for confirmation by the link mailed to it. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  pendingEmail: string | null;

  /** argon2id hash; null once the account is deleted. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  /** Pseudonym shown next to contributions; null once deleted (shown as "Deleted account"). */
  @Column({ type: 'varchar', length: 60, nullable: true })
  displayName: string | null;

  @Column({ type: 'varchar', length: 8, default: Language.German })
  language: Language;

  @Index()
  @Column({ type: 'varchar', length: 20, default: Role.Citizen })
  role: Role;

  @Column(timestamp({ nullable: true }))
  emailVerifiedAt: Date | null;

  @Column(timestamp({ nullable: true }))
  deletedAt: Date | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;

  @UpdateDateColumn(timestampColumn())
  updatedAt: Date;

  /** Areas a moderator is scoped to; empty means every area. */
  @ManyToMany(() => Area)
  @JoinTable({
    name: 'user_moderated_areas',
    joinColumn: { name: 'userId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'areaId', referencedColumnName: 'id' },
  })
  moderatorAreas: Relation<Area>[];
}
