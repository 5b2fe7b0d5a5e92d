import type { ProposalAttachment } from '@app/shared';
import { toAttachmentResponse } from '../../../common/files/attachment-response';
import type { ProposalAttachmentEntity } from './attachment.entity';

export function toAttachment(a: ProposalAttachmentEntity): ProposalAttachment {
  return toAttachmentResponse(a, `/api/proposals/${a.proposalId}/attachments/${a.id}`);
}
