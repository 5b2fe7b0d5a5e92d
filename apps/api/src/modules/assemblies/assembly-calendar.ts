import { createEvent } from 'ics';
import { DEFAULT_LANGUAGE, inLanguage, type Language } from '@app/shared';
import type { Assembly } from './entities/assembly.entity';

/** The public page of an assembly. */
export const assemblyUrl = (publicUrl: string, id: string) => `${publicUrl}/assemblies/${id}`;

/** Where the QR code and the projector send phones: the join page with the code filled in. */
export const joinUrl = (publicUrl: string, joinCode: string) => `${publicUrl}/join/${joinCode}`;

/**
 * The assembly as an iCalendar (RFC 5545) event, times in UTC. The UID is stable per assembly, so
 * importing a later version updates the calendar entry instead of adding a second one. Its link opens
 * the assembly in the recipient's language.
 */
export function assemblyIcs(
  a: Pick<Assembly, 'id' | 'title' | 'description' | 'place' | 'startsAt' | 'endsAt' | 'updatedAt'>,
  publicUrl: string,
  language: Language = DEFAULT_LANGUAGE,
): string {
  const url = inLanguage(assemblyUrl(publicUrl, a.id), language);
  const host = new URL(publicUrl).hostname || 'soziale-stadt';
  const { error, value } = createEvent({
    uid: `assembly-${a.id}@${host}`,
    productId: 'soziale-stadt/beteiligungsplattform',
    title: a.title,
    description: [a.description, url].filter(Boolean).join('\n\n'),
    location: a.place,
    url,
    start: a.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: a.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    lastModified: a.updatedAt?.getTime(),
    status: 'CONFIRMED',
    calName: a.title,
  });
  if (error || !value) throw error ?? new Error('The calendar entry could not be created');
  return value;
}
