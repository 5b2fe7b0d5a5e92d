import i18n, { formatLocale } from './i18n';

/** Formats an ISO date (YYYY-MM-DD or full timestamp) for the current UI language. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(formatLocale(i18n.language), { dateStyle: 'medium' }).format(date);
}

/** Sorts by a display name the way people of the current language expect. */
export function byName<T>(name: (item: T) => string): (a: T, b: T) => number {
  const collator = new Intl.Collator(formatLocale(i18n.language));
  return (a, b) => collator.compare(name(a), name(b));
}

/** A file size for people: "820 KB", "4,8 MB" (units of 1024 bytes, as file managers show them), in the UI language unless `locale` is given. */
export function formatFileSize(bytes: number, locale = formatLocale(i18n.language)): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit >= 2 ? 1 : 0,
  }).format(value);
}
