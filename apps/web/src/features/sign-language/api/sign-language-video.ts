import type { SignLanguageVideoState } from '@app/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type ProgressListener } from '../../../lib/api-client';

const PATH = '/api/sign-language-video';
const key = ['sign-language-video'] as const;

/** The city's video in Deutsche Gebärdensprache, or video: null while it is planned (public; changes rarely). */
export function useSignLanguageVideo() {
  return useQuery({ queryKey: key, queryFn: () => api.get<SignLanguageVideoState>(PATH), staleTime: 5 * 60_000 });
}

export interface SignLanguageVideoUpload {
  video: File;
  captions: File;
  /** A short summary or a transcript link; empty sends nothing. */
  description: string;
}

/** Publishes the video with its captions (replacing the current one); the cache holds the answer at once. */
export function usePublishSignLanguageVideo() {
  const queryClient = useQueryClient();
  return async ({ video, captions, description }: SignLanguageVideoUpload, onProgress?: ProgressListener) => {
    const form = new FormData();
    // Text and captions first: the server checks them before the long video arrives.
    if (description) form.append('description', description);
    form.append('captions', captions, captions.name);
    form.append('video', video, video.name);
    const state = await api.upload<SignLanguageVideoState>(PATH, form, onProgress, 'PUT');
    queryClient.setQueryData(key, state);
    return state;
  };
}

/** Takes the video off the page; one another administrator removed a moment ago counts as removed. */
export function useRemoveSignLanguageVideo() {
  const queryClient = useQueryClient();
  return async (): Promise<void> => {
    try {
      await api.delete<void>(PATH);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
    await queryClient.invalidateQueries({ queryKey: key });
  };
}
