import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { stat } from 'node:fs/promises';
import { Repository } from 'typeorm';
import { ATTACHMENTS_PER_PROPOSAL, ErrorCode, type ProposalAttachment } from '@app/shared';
import { ApplicationState, APPLICATION_STATE_INFO } from '@app/shared/funds';
import { DomainError, notFound } from '../../../common/errors/domain-error';
import { attachmentPaths, cleanFileName, prepareUpload, removeFiles, storeFiles } from '../../../common/files/attachment-files';
import type { ServedFile, UploadedFileData } from '../../../common/files/attachment-http';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { lockRow } from '../../../database/row-lock';
import { TransactionRunner } from '../../../database/transactions';
import type { User } from '../../users/user.entity';
import { isApplicantOf } from '../fund-access';
import { FundApplication, FundApplicationAttachment, type ApplicationAttachmentPurpose } from '../fund.entities';
import { toApplicationAttachment } from '../fund.mapper';
import { FundQueriesService } from '../fund-queries.service';

/** Receipts and photos of a proof of use: more than an application's few documents. */
export const PROOF_ATTACHMENTS_MAX = 2 * ATTACHMENTS_PER_PROPOSAL;
const LIMIT: Record<ApplicationAttachmentPurpose, number> = { application: ATTACHMENTS_PER_PROPOSAL, proof: PROOF_ATTACHMENTS_MAX };

/**
 * Images and PDFs of an application (the proposal attachments' rules and file handling, in
 * common/files): documents while the application can be changed, receipts and photos of the proof of
 * use while it is paid. Files of a draft are as private as the draft.
 */
@Injectable()
export class ApplicationAttachmentsService {
  constructor(
    @InjectRepository(FundApplicationAttachment) private readonly attachments: Repository<FundApplicationAttachment>,
    private readonly queries: FundQueriesService,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private checkMayChange(user: User, a: FundApplication, purpose: ApplicationAttachmentPurpose): void {
    if (!isApplicantOf(user, a))
      throw new DomainError(ErrorCode.Forbidden, 'Only the applicant can change the attachments of an application.');
    if (purpose === 'application' && !APPLICATION_STATE_INFO[a.state].editable) {
      throw new DomainError(ErrorCode.Conflict, 'The application was submitted: its documents can no longer be changed after submission.');
    }
    if (purpose === 'proof' && a.state !== ApplicationState.Paid) {
      throw new DomainError(
        ErrorCode.Conflict,
        'Receipts and photos for the proof of use can be added while the application is paid and its proof not yet handed in.',
      );
    }
  }

  private limitReached(purpose: ApplicationAttachmentPurpose): DomainError {
    const what = purpose === 'proof' ? 'A proof of use' : 'An application';
    return new DomainError(
      ErrorCode.AttachmentLimitReached,
      `${what} can have at most ${LIMIT[purpose]} attachments. Remove one before adding another.`,
    );
  }

  async upload(
    user: User,
    applicationId: string,
    purpose: ApplicationAttachmentPurpose,
    file: UploadedFileData | undefined,
    description?: string,
  ): Promise<ProposalAttachment> {
    if (!file?.buffer?.length) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Please choose a file: send it as multipart/form-data in the form field "file".', [
        { field: 'file', messages: ['a non-empty file is required'] },
      ]);
    }
    const { a } = await this.queries.findVisible(user, applicationId);
    this.checkMayChange(user, a, purpose);
    if ((await this.attachments.countBy({ applicationId, purpose })) >= LIMIT[purpose]) throw this.limitReached(purpose);
    const prepared = await prepareUpload(file.buffer);
    // Counted again under the application's row lock, so parallel uploads take turns and never pass the limit.
    const saved = await this.tx.run(async (m) => {
      await lockRow(m, FundApplication, applicationId);
      const current = await m.findOneByOrFail(FundApplication, { id: applicationId });
      this.checkMayChange(user, current, purpose);
      if ((await m.countBy(FundApplicationAttachment, { applicationId, purpose })) >= LIMIT[purpose]) throw this.limitReached(purpose);
      return m.save(
        m.create(FundApplicationAttachment, {
          applicationId,
          purpose,
          uploadedById: user.id,
          fileName: cleanFileName(file.originalname, prepared.mimeType),
          mimeType: prepared.mimeType,
          size: prepared.data.length,
          sha256: prepared.sha256,
          width: prepared.width,
          height: prepared.height,
          hasThumbnail: prepared.thumbnail !== null,
          description: description ?? null,
        }),
      );
    });
    try {
      await storeFiles(this.config.uploadDir, saved.id, prepared);
    } catch (error) {
      await this.attachments.delete({ id: saved.id });
      await removeFiles(this.config.uploadDir, saved.id);
      throw error;
    }
    return toApplicationAttachment(saved);
  }

  async remove(user: User, applicationId: string, attachmentId: string): Promise<void> {
    const { a } = await this.queries.findVisible(user, applicationId);
    const attachment = await this.attachments.findOneBy({ id: attachmentId, applicationId });
    if (!attachment) throw notFound('The attachment');
    this.checkMayChange(user, a, attachment.purpose);
    await this.attachments.delete({ id: attachmentId });
    await removeFiles(this.config.uploadDir, attachmentId);
  }

  /** The file (or its preview) of an application the viewer may see. */
  async file(viewer: User | undefined, applicationId: string, attachmentId: string, thumbnail: boolean): Promise<ServedFile> {
    const { a } = await this.queries.findVisible(viewer, applicationId);
    const attachment = await this.attachments.findOneBy({ id: attachmentId, applicationId });
    if (!attachment || (thumbnail && !attachment.hasThumbnail)) throw notFound('The attachment');
    const paths = attachmentPaths(this.config.uploadDir, attachment.id);
    const path = thumbnail ? paths.thumbnail : paths.file;
    if (!(await stat(path).catch(() => null))) throw notFound('The attachment file');
    return {
      path,
      mimeType: thumbnail ? 'image/webp' : attachment.mimeType,
      fileName: thumbnail ? attachment.fileName.replace(/\.[^.]+$/, '-vorschau.webp') : attachment.fileName,
      inline: thumbnail || attachment.mimeType !== 'application/pdf',
      publicCache: a.state !== ApplicationState.Draft,
      etag: `"${attachment.sha256.slice(0, 32)}${thumbnail ? '-t' : ''}"`,
    };
  }
}
