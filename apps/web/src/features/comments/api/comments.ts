import type { CommentResponse, CommentTranslation, CreateCommentRequest, Language, UpdateCommentRequest } from '@app/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

const commentsKey = (proposalId: string) => ['comments', proposalId] as const;

export function useComments(proposalId: string) {
  return useQuery({
    queryKey: commentsKey(proposalId),
    queryFn: () => api.get<CommentResponse[]>(`/api/proposals/${encodeURIComponent(proposalId)}/comments`),
    retry: false,
  });
}

/** Write, reply and edit; the thread and the proposal's comment count are refreshed. */
export function useCommentActions(proposalId: string) {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: commentsKey(proposalId) });
    void queryClient.invalidateQueries({ queryKey: ['proposals'] });
  };
  return {
    create: async (body: CreateCommentRequest) => {
      const created = await api.post<CommentResponse>(`/api/proposals/${encodeURIComponent(proposalId)}/comments`, body);
      await refresh();
      return created;
    },
    update: async (id: string, body: UpdateCommentRequest) => {
      const updated = await api.patch<CommentResponse>(`/api/comments/${encodeURIComponent(id)}`, body);
      await refresh();
      return updated;
    },
  };
}

/** A comment's text machine-translated into the reader's language (the comment itself stays as written). */
export function translateComment(id: string, language: Language): Promise<CommentTranslation> {
  return api.post<CommentTranslation>(`/api/comments/${encodeURIComponent(id)}/translations`, { language });
}
