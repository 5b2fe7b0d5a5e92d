import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TIMESTAMP, timestampColumn, uuidColumn } from '../../database/column-types';
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

  @Column({ type: TIMESTAMP })
  expiresAt: Date;

  @Column({ type: TIMESTAMP, nullable: true })
  usedAt: Date | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
