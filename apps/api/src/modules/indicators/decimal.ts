import { INDICATOR_VALUE_MAX_ABS, INDICATOR_VALUE_MAX_DECIMALS, ImportErrorCode } from '@app/shared';

/**
 * Exact decimals for indicator values: parsed from text into an integer of value × 10^4 and
 * formatted back, without going through floating point (12.3 stays 12.3 on every round trip).
 */
export const SCALE = 10 ** INDICATOR_VALUE_MAX_DECIMALS;
const MAX_SCALED = BigInt(INDICATOR_VALUE_MAX_ABS) * BigInt(SCALE);

export type DecimalSeparator = '.' | ',';

export type ParsedDecimal = { ok: true; scaled: number } | { ok: false; code: ImportErrorCode; reason: string };

const SPACES = /[\s\u00a0\u202f]/g;
const POINT = /^(\d+)(?:\.(\d+))?$/;
// Decimal comma with optional thousands dots: 580.511 / 1.234,5 / 12,5 / 1234,5
const COMMA = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

/** Parses "12.5" / "12,5" / "-1.234,5" (by the file's separator) into value × 10^4. */
export function parseDecimal(raw: string, separator: DecimalSeparator): ParsedDecimal {
  let text = raw.replace(SPACES, '');
  let negative = false;
  if (text.startsWith('-') || text.startsWith('+')) {
    negative = text.startsWith('-');
    text = text.slice(1);
  }
  const match = (separator === ',' ? COMMA : POINT).exec(text);
  if (!match) {
    return {
      ok: false,
      code: ImportErrorCode.NotANumber,
      reason: `is not a number (expected digits with a decimal ${separator === ',' ? 'comma, e.g. 12,5' : 'point, e.g. 12.5'})`,
    };
  }
  const integer = match[1].replace(/\./g, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > INDICATOR_VALUE_MAX_DECIMALS) {
    return { ok: false, code: ImportErrorCode.TooManyDecimals, reason: `has more than ${INDICATOR_VALUE_MAX_DECIMALS} decimal places` };
  }
  const scaled = BigInt(integer) * BigInt(SCALE) + BigInt(fraction.padEnd(INDICATOR_VALUE_MAX_DECIMALS, '0') || '0');
  if (scaled > MAX_SCALED) {
    return { ok: false, code: ImportErrorCode.ValueOutOfRange, reason: `is beyond ±${INDICATOR_VALUE_MAX_ABS}` };
  }
  const value = Number(scaled);
  return { ok: true, scaled: negative && value !== 0 ? -value : value };
}

/** A value from a JSON body: a number, or a string with a decimal point or a decimal comma. */
export function parseInputDecimal(input: string | number): ParsedDecimal {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, code: ImportErrorCode.NotANumber, reason: 'is not a finite number' };
    const text = String(input);
    if (/e/i.test(text)) {
      return Math.abs(input) < 1
        ? { ok: false, code: ImportErrorCode.TooManyDecimals, reason: `has more than ${INDICATOR_VALUE_MAX_DECIMALS} decimal places` }
        : { ok: false, code: ImportErrorCode.ValueOutOfRange, reason: `is beyond ±${INDICATOR_VALUE_MAX_ABS}` };
    }
    return parseDecimal(text, '.');
  }
  return parseDecimal(input, input.includes(',') ? ',' : '.');
}

/** value × 10^4 → "12.5" (shortest exact form, decimal point). */
export function formatScaled(scaled: number): string {
  const negative = scaled < 0;
  const abs = Math.abs(scaled);
  const integer = Math.floor(abs / SCALE);
  const fraction = String(abs % SCALE)
    .padStart(INDICATOR_VALUE_MAX_DECIMALS, '0')
    .replace(/0+$/, '');
  return `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
}

/** value × 10^4 → the nearest JSON number (for charts and tables). */
export const scaledToNumber = (scaled: number): number => Number(formatScaled(scaled));

/** Differences and means are computed on scaled integers and converted once at the end. */
export const toScaled = (value: number): number => Math.round(value * SCALE);
