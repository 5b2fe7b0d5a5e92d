import type { AssemblyDetail, JoinAssemblyRequest, JoinAssemblyResponse } from '@app/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The assembly's public detail (title, join code) before the live connection is up. */
export function useAssemblyForLive(id: string) {
  return useQuery({
    queryKey: ['assemblies', 'detail', id],
    queryFn: () => api.get<AssemblyDetail>(`/api/assemblies/${encodeURIComponent(id)}`),
    retry: false,
  });
}

export function joinAssembly(body: JoinAssemblyRequest): Promise<JoinAssemblyResponse> {
  return api.post<JoinAssemblyResponse>('/api/assemblies/join', body);
}

/** Where the join page keeps a guest's device credential for this assembly. */
export function guestTokenKey(assemblyId: string): string {
  return `soziale-stadt.guest.${assemblyId}`;
}

export function readGuestToken(assemblyId: string): string | null {
  try {
    return localStorage.getItem(guestTokenKey(assemblyId));
  } catch {
    return null;
  }
}
