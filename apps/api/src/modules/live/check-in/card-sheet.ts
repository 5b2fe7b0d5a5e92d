import type { IssuedCheckInCard } from '@app/shared';
import { renderCodeSheet } from '../../../common/codes/code-sheet';

/** What a sheet says about its assembly. */
export interface SheetAssembly {
  title: string;
  place: string;
  startsAt: Date;
}

/** The city's local time, as on every other document of an assembly. */
const TIME_ZONE = 'Europe/Berlin';

/**
 * A sheet of check-in cards, eight per A4 page with dashed cutting lines: the assembly's title and
 * date, the card's number, its QR code (the join page with the card) and its short code, and one
 * line of instruction in German with English below.
 */
export function renderCardSheet(assembly: SheetAssembly, cards: IssuedCheckInCard[]): Promise<Buffer> {
  const date = new Intl.DateTimeFormat('de-DE', { dateStyle: 'full', timeStyle: 'short', timeZone: TIME_ZONE }).format(assembly.startsAt);
  return renderCodeSheet({
    documentTitle: `Check-in-Karten – ${assembly.title}`,
    heading: assembly.title,
    subheading: `${date} · ${assembly.place}`,
    instruction:
      'QR-Code scannen oder Code beim Beitreten eingeben: Ihre Stimme für verbindliche Abstimmungen. Nur eine Person, nicht weitergeben.',
    instructionEn: 'Scan the QR code or enter the code when joining: your vote in binding rounds. One person only, do not pass on.',
    cards: cards.map((issued) => ({
      code: issued.code,
      url: issued.joinUrl,
      label: `Check-in-Karte Nr. ${issued.card.number}`,
      labelEn: `Check-in card no. ${issued.card.number}`,
    })),
  });
}
