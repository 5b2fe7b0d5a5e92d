import type { ProposalAttachment, ProposalDetail } from '@app/shared';
import { useQueryClient } from '@tanstack/react-query';
import { api, type ProgressListener } from '../../../lib/api-client';
import { proposalsKey } from '../../../lib/query-keys';

const attachmentsPath = (proposalId: string) => `/api/proposals/${encodeURIComponent(proposalId)}/attachments`;

export interface UploadAttachment {
  file: File;
  /** Alternative text (images) or a short description (documents); empty sends nothing. */
  description: string;
}

/** Uploads one file as multipart/form-data; the detail in the cache gets the new attachment at once. */
export function useUploadAttachment() {
  const queryClient = useQueryClient();
  return async (proposalId: string, { file, description }: UploadAttachment, onProgress?: ProgressListener) => {
    const form = new FormData();
    form.append('file', file, file.name);
    if (description) form.append('description', description);
    const created = await api.upload<ProposalAttachment>(attachmentsPath(proposalId), form, onProgress);
    queryClient.setQueryData<ProposalDetail>([...proposalsKey, 'detail', proposalId], (old) =>
      old && !old.attachments.some((item) => item.id === created.id) ? { ...old, attachments: [...old.attachments, created] } : old,
    );
    void queryClient.invalidateQueries({ queryKey: [...proposalsKey, 'detail', proposalId] });
    return created;
  };
}

export function useDeleteAttachment() {
  const queryClient = useQueryClient();
  return async (proposalId: string, attachmentId: string): Promise<void> => {
    await api.delete<void>(`${attachmentsPath(proposalId)}/${encodeURIComponent(attachmentId)}`);
    queryClient.setQueryData<ProposalDetail>([...proposalsKey, 'detail', proposalId], (old) =>
      old ? { ...old, attachments: old.attachments.filter((item) => item.id !== attachmentId) } : old,
    );
    void queryClient.invalidateQueries({ queryKey: [...proposalsKey, 'detail', proposalId] });
  };
}
