import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { stat } from 'node:fs/promises';
import { Repository } from 'typeorm';
import { ATTACHMENTS_PER_PROPOSAL, ErrorCode, type ProposalAttachment } from '@app/shared';
import { DomainError, notFound } from '../../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AuditService } from '../../audit/audit.service';
import type { User } from '../../users/user.entity';
import { Proposal } from '../proposal.entity';
import { lockRow } from '../../../database/row-lock';
import { TransactionRunner } from '../../../database/transactions';
import { moderatesArea } from '../../users/moderator-scope';
import { ProposalQueriesService } from '../proposal-queries.service';
import { ProposalAttachmentEntity } from './attachment.entity';
import { attachmentPaths, cleanFileName, prepareUpload, removeFiles, storeFiles } from '../../../common/files/attachment-files';
import { toAttachment } from './attachment.mapper';
import type { ServedFile, UploadedFileData } from '../../../common/files/attachment-http';

@Injectable()
export class AttachmentsService {
  constructor(
    @InjectRepository(ProposalAttachmentEntity) private readonly attachments: Repository<ProposalAttachmentEntity>,
    private readonly proposals: ProposalQueriesService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The author while the proposal may still be edited, or a moderator of its area. */
  private async checkMayChange(user: User, proposal: Proposal): Promise<'author' | 'moderator'> {
    if (proposal.hiddenAt === null && proposal.authorId === user.id) {
      const problem = this.proposals.editProblem(proposal);
      if (!problem) return 'author';
      if (!moderatesArea(user, proposal.area)) throw new DomainError(ErrorCode.ProposalNotEditable, problem);
    }
    if (moderatesArea(user, proposal.area)) return 'moderator';
    throw new DomainError(
      ErrorCode.Forbidden,
      'Only the author (while the proposal can still be edited) or its moderators can change its attachments.',
    );
  }

  async upload(user: User, proposalId: string, file: UploadedFileData | undefined, description?: string): Promise<ProposalAttachment> {
    if (!file?.buffer?.length) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Please choose a file: send it as multipart/form-data in the form field "file".', [
        { field: 'file', messages: ['a non-empty file is required'] },
      ]);
    }
    const proposal = await this.proposals.findForAction(proposalId);
    const as = await this.checkMayChange(user, proposal);
    if ((await this.attachments.countBy({ proposalId })) >= ATTACHMENTS_PER_PROPOSAL) throw this.limitReached();
    const prepared = await prepareUpload(file.buffer);
    const row = this.attachments.create({
      proposalId,
      uploadedById: user.id,
      fileName: cleanFileName(file.originalname, prepared.mimeType),
      mimeType: prepared.mimeType,
      size: prepared.data.length,
      sha256: prepared.sha256,
      width: prepared.width,
      height: prepared.height,
      hasThumbnail: prepared.thumbnail !== null,
      description: description ?? null,
    });
    // The row first (its id names the files), then the files; if writing them fails, the row goes again.
    // Counted again under the proposal's row lock, so parallel uploads take turns and never pass the limit.
    const saved = await this.transactions.run(async (m) => {
      await lockRow(m, Proposal, proposalId);
      if ((await m.countBy(ProposalAttachmentEntity, { proposalId })) >= ATTACHMENTS_PER_PROPOSAL) throw this.limitReached();
      return m.save(row);
    });
    try {
      await storeFiles(this.config.uploadDir, saved.id, prepared);
    } catch (error) {
      await this.attachments.delete({ id: saved.id });
      await removeFiles(this.config.uploadDir, saved.id);
      throw error;
    }
    if (as === 'moderator' && proposal.authorId !== user.id) {
      await this.audit.record({
        actorId: user.id,
        action: 'attachment.added',
        entityType: 'proposal',
        entityId: proposalId,
        details: { attachmentId: saved.id, fileName: saved.fileName },
      });
    }
    return toAttachment(saved);
  }

  private limitReached(): DomainError {
    return new DomainError(
      ErrorCode.AttachmentLimitReached,
      `A proposal can have at most ${ATTACHMENTS_PER_PROPOSAL} attachments. Remove one before adding another.`,
    );
  }

  async remove(user: User, proposalId: string, attachmentId: string): Promise<void> {
    const proposal = await this.proposals.findForAction(proposalId);
    const attachment = await this.attachments.findOneBy({ id: attachmentId, proposalId });
    if (!attachment) throw notFound('The attachment');
    const as = await this.checkMayChange(user, proposal);
    await this.attachments.delete({ id: attachmentId });
    await removeFiles(this.config.uploadDir, attachmentId);
    if (as === 'moderator' && proposal.authorId !== user.id) {
      await this.audit.record({
        actorId: user.id,
        action: 'attachment.removed',
        entityType: 'proposal',
        entityId: proposalId,
        details: { attachmentId, fileName: attachment.fileName, uploadedById: attachment.uploadedById },
      });
    }
  }

  /** The file (or its preview) of a visible proposal; for a hidden one only its moderators get it. */
  async file(viewer: User | undefined, proposalId: string, attachmentId: string, thumbnail: boolean): Promise<ServedFile> {
    const proposal = await this.proposals.findForAction(proposalId);
    const moderator = Boolean(viewer && moderatesArea(viewer, proposal.area));
    if (proposal.hiddenAt !== null && !moderator) throw notFound('The attachment');
    const attachment = await this.attachments.findOneBy({ id: attachmentId, proposalId });
    if (!attachment || (thumbnail && !attachment.hasThumbnail)) throw notFound('The attachment');
    const paths = attachmentPaths(this.config.uploadDir, attachment.id);
    const path = thumbnail ? paths.thumbnail : paths.file;
    // A row whose file is missing (e.g. a restore without the upload directory) is a 404, not a 500.
    if (!(await stat(path).catch(() => null))) throw notFound('The attachment file');
    return {
      path,
      mimeType: thumbnail ? 'image/webp' : attachment.mimeType,
      fileName: thumbnail ? attachment.fileName.replace(/\.[^.]+$/, '-vorschau.webp') : attachment.fileName,
      inline: thumbnail || attachment.mimeType !== 'application/pdf',
      publicCache: proposal.hiddenAt === null,
      etag: `"${attachment.sha256.slice(0, 32)}${thumbnail ? '-t' : ''}"`,
    };
  }
}
