import { formatLocale } from '../../lib/i18n';

/**
 * Intl's options for euros, the same as euroFormatOptions() in @app/shared/funds/money (keep them equal):
 * that module is not imported here, its parser would join the live view's first load.
 */
export const EURO_FORMAT: Intl.NumberFormatOptions = {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
};

/** An amount in cents as euros in the page's language (display only, never arithmetic). */
export function formatCents(cents: number, language?: string): string {
  return new Intl.NumberFormat(formatLocale(language), EURO_FORMAT).format(cents / 100);
}

/** A text's values with every `…Cents` value shown as money (the voting model hands over cents). */
export function withMoney(values: Record<string, number> | undefined, language?: string): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(values ?? {}).map(([key, value]) => [key, key.endsWith('Cents') ? formatCents(value, language) : value]),
  );
}
