import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { timestamp, timestampColumn, uuidColumn } from '../../../database/column-types';
import { Assembly } from '../../assemblies/entities/assembly.entity';
import { Participant } from './participant.entity';

/**
 * A personal check-in card: it admits one person to binding votes. Its holder is one participant
 * (a device) or the name of a person checked in at the door without a phone; used on another device,
 * the card moves there. Only the SHA-256 of its code is stored.
 */
@Entity('check_in_cards')
@Index(['assemblyId', 'number'], { unique: true })
@Index(['codeHash'], { unique: true })
@Index(['participantId'], { unique: true })
export class CheckInCard {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  assemblyId: string;

  @ManyToOne(() => Assembly, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assemblyId' })
  assembly: Relation<Assembly>;

  /** Printed on the card, counted per assembly from 1. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  /**
   * The person's first card: its own id, or, for a replacement, that of the card it replaces. Receipts
   * of binding rounds name it, so a replaced card cannot vote again where the lost one voted.
   */
  @Column(uuidColumn())
  personCardId: string;

  /** The device holding the card (a participant holds at most one card). */
  @Column(uuidColumn({ nullable: true }))
  participantId: string | null;

  @ManyToOne(() => Participant, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'participantId' })
  participant: Relation<Participant> | null;

  /** A person checked in at the door without a phone (votes by hand in the hall). */
  @Column({ type: 'varchar', length: 80, nullable: true })
  holderName: string | null;

  @Column(timestamp({ nullable: true }))
  claimedAt: Date | null;

  @Column(timestamp({ nullable: true }))
  revokedAt: Date | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
