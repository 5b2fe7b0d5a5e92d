import type { AttachmentMimeType, ProposalAttachment } from '@app/shared';

/** The stored facts of an attachment row (proposal or fund application attachments). */
export interface StoredAttachment {
  id: string;
  fileName: string;
  mimeType: AttachmentMimeType;
  size: number;
  description: string | null;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
  createdAt: Date;
}

/** An attachment as the API shows it; `url` is where its file is served (its preview: `?variant=thumbnail`). */
export function toAttachmentResponse(a: StoredAttachment, url: string): ProposalAttachment {
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
