import type { CheckInCardList, DoorCheckInRequest, IssuedCheckInCard, ParticipantList } from '@app/shared';
import { useQuery } from '@tanstack/react-query';
import { api, downloadFile } from '../../../lib/api-client';

const base = (assemblyId: string) => `/api/assemblies/${encodeURIComponent(assemblyId)}`;

/** The cards and the participants, read again whenever `revision` (the moderator state's check-in counts) changes. */
export function useCheckInCards(assemblyId: string, revision: string) {
  return useQuery({
    queryKey: ['assemblies', assemblyId, 'check-in-cards', revision],
    queryFn: async () => {
      const [cards, participants] = await Promise.all([
        api.get<CheckInCardList>(`${base(assemblyId)}/check-in-cards`),
        api.get<ParticipantList>(`${base(assemblyId)}/participants`),
      ]);
      return { cards, participants };
    },
    placeholderData: (previous) => previous,
  });
}

/** New cards as a printable PDF (the codes exist only on it). */
export const printCards = (assemblyId: string, count: number) =>
  downloadFile(`${base(assemblyId)}/check-in-cards?format=pdf`, 'check-in-karten.pdf', { count });

export const doorCheckIn = (assemblyId: string, body: DoorCheckInRequest) =>
  api.post<IssuedCheckInCard>(`${base(assemblyId)}/check-in-cards/door`, body);

export const revokeCard = (assemblyId: string, cardId: string) =>
  api.post<{ replacement: null }>(`${base(assemblyId)}/check-in-cards/${encodeURIComponent(cardId)}/revoke`);

export const replaceCard = (assemblyId: string, cardId: string) =>
  api.post<{ replacement: IssuedCheckInCard }>(`${base(assemblyId)}/check-in-cards/${encodeURIComponent(cardId)}/replace`);
