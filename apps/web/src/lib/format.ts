import i18n from './i18n';

/** Formats an ISO date (YYYY-MM-DD or full timestamp) for the current UI language. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(date);
}

/** Sorts by a display name the way people of the current language expect. */
export function byName<T>(name: (item: T) => string): (a: T, b: T) => number {
  const collator = new Intl.Collator(i18n.language);
  return (a, b) => collator.compare(name(a), name(b));
}
