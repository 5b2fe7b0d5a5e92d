import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Language } from '@app/shared';
import { timestamp, timestampColumn, uuidColumn } from '../../database/column-types';
import { User } from '../users/user.entity';

export enum TokenPurpose {
  VerifyEmail = 'verify_email',
  ChangeEmail = 'change_email',
  ResetPassword = 'reset_password',
}

/** A one-time token sent by mail. Only its SHA-256 is stored; it expires and is used once. */
@Entity('user_tokens')
export class UserToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column(uuidColumn())
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user: Relation<User>;

  @Column({ type: 'varchar', length: 20 })
  purpose: TokenPurpose;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  /** For ChangeEmail: the address being confirmed. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  newEmail: string | null;

  /**
   * For VerifyEmail: the credentials of the registration this link was mailed for. Several people
   * may register one unverified address; the account gets the credentials of the link that is
   * used, so only the owner of the mailbox decides whose password counts.
   */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  displayName: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  language: Language | null;

  /**
   * For VerifyEmail: somebody else registered the address too while this link waited. From then on
   * the link alone does not say whose password the account should get; confirming needs the
   * password of one of the registrations, even after the other links expired or ended.
   */
  @Column({ type: 'boolean', default: false })
  passwordRequired: boolean;

  /** For VerifyEmail: wrong passwords typed with this link; at the limit the link no longer works. */
  @Column({ type: 'integer', default: 0 })
  failedAttempts: number;

  @Column(timestamp())
  expiresAt: Date;

  @Column(timestamp({ nullable: true }))
  usedAt: Date | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
