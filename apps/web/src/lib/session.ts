import type { MeResponse, SessionResponse } from '@app/shared';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from './api-client';

/** The signed-in user is cached once under this key; auth and account features update it. */
export const sessionQueryKey = ['session'] as const;

export function fetchSession(): Promise<SessionResponse> {
  return api.get<SessionResponse>('/api/auth/session');
}

export function useSession(): { user: MeResponse | null; isLoading: boolean } {
  const result = useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
  return { user: result.data?.user ?? null, isLoading: result.isPending };
}

export function setSessionUser(queryClient: QueryClient, user: MeResponse | null): void {
  queryClient.setQueryData<SessionResponse>(sessionQueryKey, { user });
}

/** After login/logout every cached answer may differ for the new identity. */
export async function resetForNewIdentity(queryClient: QueryClient, user: MeResponse | null): Promise<void> {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  setSessionUser(queryClient, user);
}
