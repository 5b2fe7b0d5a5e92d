import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { AttachmentMimeType } from '@app/shared';
import { timestampColumn, uuidColumn } from '../../../database/column-types';
import { Proposal } from '../proposal.entity';

/** An image or PDF attached to a proposal. The bytes live in the upload directory, named by id. */
@Entity('proposal_attachments')
@Index(['proposalId', 'createdAt'])
export class ProposalAttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  proposalId: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposalId' })
  proposal: Relation<Proposal>;

  /** Who uploaded it: the author, or a moderator adding a photo of a paper card. */
  @Index()
  @Column(uuidColumn())
  uploadedById: string;

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'varchar', length: 40 })
  mimeType: AttachmentMimeType;

  @Column({ type: 'integer' })
  size: number;

  /** SHA-256 of the stored bytes (integrity checks, duplicate detection). */
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
