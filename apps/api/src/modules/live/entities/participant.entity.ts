import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Presence } from '@app/shared';
import { timestamp, timestampColumn, uuidColumn } from '../../../database/column-types';
import { User } from '../../users/user.entity';
import { Assembly } from '../../assemblies/entities/assembly.entity';

/**
 * A person taking part in one assembly: with an account, or as a named guest holding a
 * per-assembly device credential (only its SHA-256 is stored).
 */
@Entity('assembly_participants')
@Index(['assemblyId', 'userId'], { unique: true })
export class Participant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  assemblyId: string;

  @ManyToOne(() => Assembly, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assemblyId' })
  assembly: Relation<Assembly>;

  @Column(uuidColumn({ nullable: true }))
  userId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user: Relation<User> | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  guestName: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true, unique: true })
  guestTokenHash: string | null;

  @Column({ type: 'varchar', length: 10, default: Presence.Online })
  presence: Presence;

  @Column({ type: 'boolean', default: false })
  checkedIn: boolean;

  @Column(timestampColumn())
  joinedAt: Date;

  @Column(timestamp({ nullable: true }))
  lastSeenAt: Date | null;
}
