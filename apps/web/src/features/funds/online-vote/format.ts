import { formatLocale } from '../../../lib/i18n';

/** A moment as date and time in the page's language (the vote's period). */
export function formatMoment(iso: string, language: string): string {
  return new Intl.DateTimeFormat(formatLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
