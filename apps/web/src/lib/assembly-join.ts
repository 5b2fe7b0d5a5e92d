import type { JoinAssemblyRequest, JoinAssemblyResponse } from '@app/shared';
import { api } from './api-client';

/** Joining an assembly is shared by the join page and the live view; both keep the guest credential here. */
export function joinAssembly(body: JoinAssemblyRequest): Promise<JoinAssemblyResponse> {
  return api.post<JoinAssemblyResponse>('/api/assemblies/join', body);
}

/** Where a guest's device credential for an assembly is kept. */
const guestTokenKey = (assemblyId: string) => `soziale-stadt.guest.${assemblyId}`;
/** Which assembly a join code opened on this device, so /join/CODE can rejoin without asking again. */
const joinedCodeKey = (code: string) => `soziale-stadt.joined.${code.toUpperCase()}`;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Without storage the person simply enters the name again next time.
  }
}

export function storedGuestToken(assemblyId: string): string | null {
  return read(guestTokenKey(assemblyId));
}

export function forgetGuestToken(assemblyId: string): void {
  write(guestTokenKey(assemblyId), null);
}

export function assemblyForCode(code: string): string | null {
  return read(joinedCodeKey(code));
}

/** Keeps what a later visit needs: the guest credential (returned once) and the code's assembly. */
export function rememberJoin(response: JoinAssemblyResponse, code?: string): void {
  if (response.guestToken) write(guestTokenKey(response.assemblyId), response.guestToken);
  if (code) write(joinedCodeKey(code), response.assemblyId);
}
