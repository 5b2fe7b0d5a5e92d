import type { ProposalAttachment } from '@app/shared';
import type { ProposalAttachmentEntity } from './attachment.entity';

export function toAttachment(a: ProposalAttachmentEntity): ProposalAttachment {
  const url = `/api/proposals/${a.proposalId}/attachments/${a.id}`;
  return {
    id: a.id,
    fileName: a.fileName,
    mimeType: a.mimeType,
    kind: a.mimeType === 'application/pdf' ? 'document' : 'image',
    size: a.size,
    description: a.description,
    width: a.width,
    height: a.height,
    url,
    thumbnailUrl: a.hasThumbnail ? `${url}?variant=thumbnail` : null,
    createdAt: a.createdAt.toISOString(),
  };
}
