/**
 * Money of the Aktionsraumfonds: always a whole number of euro cents (500000 = 5,000 EUR), never a
 * floating-point euro amount. Parsing what a person types happens here, once, for web and API;
 * formatting is Intl's job in the clients (see euroFormatOptions).
 */

/** The largest amount the platform handles: the largest integer a JavaScript number holds exactly. */
export const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/** A valid amount: a safe, non-negative whole number of cents. */
export function isCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Why typed text is not an amount. Stable keys: the web translates `funds.money.<problem>`. */
export enum MoneyProblem {
  /** Nothing but spaces (or only a currency sign). */
  Empty = 'empty',
  /** Letters, misplaced separators, wrong digit groups ("12.34.5", "1,2,3", "abc"). */
  NotANumber = 'not_a_number',
  Negative = 'negative',
  /** More than two digits after the decimal separator ("1,505", "0.125"). */
  TooManyDecimals = 'too_many_decimals',
  /**
   * One separator followed by exactly three digits ("1.500", "1,500"): a thousands separator in one
   * notation and a decimal separator in the other. Refused rather than guessed: a German "1.500"
   * read as 1.50 EUR would be a costly surprise.
   */
  Ambiguous = 'ambiguous',
  /** More than MAX_CENTS cents. */
  TooLarge = 'too_large',
}

export type MoneyParse =
  | { ok: true; cents: number }
  | {
      ok: false;
      problem: MoneyProblem;
      /** English, actionable (raw API, default text). */
      message: string;
    };

const SPACES = /[\s\u00A0\u2007\u2009\u202F]/g;
const CURRENCY_BEFORE = /^(?:€|eur(?:o)?)\s*/i;
const CURRENCY_AFTER = /\s*(?:€|eur(?:o)?)$/i;
const SIGN = /^[-\u2212]\s*/;

function fail(problem: MoneyProblem, message: string): MoneyParse {
  return { ok: false, problem, message };
}

const NOT_A_NUMBER = (text: string): MoneyParse =>
  fail(MoneyProblem.NotANumber, `"${text}" is not an amount in euros: write it like 1500, 1.500,00 or 1,500.00.`);

/** Digit groups of an integer part: "1.234.567" with separator "." (spaces count as group separators too). */
function integerDigits(part: string, groupSeparator: string | null): string | null {
  const separators = groupSeparator === null ? [' '] : [' ', groupSeparator];
  const groups = part.split(new RegExp(`[${separators.map((s) => `\\${s}`).join('')}]`));
  if (groups.some((g) => !/^\d+$/.test(g))) return null;
  if (groups.length === 1) return groups[0];
  if (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => g.length !== 3)) return null;
  return groups.join('');
}

/**
 * Reads an amount in euros as typed in German or English notation and returns cents:
 * "1.234,56", "1,234.56", "1234.56", "1 234,5", "500", "500 €", "€ 12,50", "EUR 3" all work.
 *
 * Rules: a currency sign (€, EUR, Euro) may stand before or after; spaces (also non-breaking and
 * thin ones) group thousands; when both "." and "," occur, the last one is the decimal separator and
 * the other groups thousands in threes; a single separator is decimal, unless it repeats
 * ("1.234.567": groups) or is followed by exactly three digits after one to three leading digits
 * ("1.500": ambiguous, refused with a hint to write 1500 or 1.500,00). At most two decimals.
 */
export function parseEuroInput(text: string): MoneyParse {
  if (typeof text !== 'string') return fail(MoneyProblem.NotANumber, 'The amount must be text such as 1.500,00.');
  const typed = text.trim();
  let s = typed.replace(SPACES, ' ').replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '').trim();
  if (s === '') return fail(MoneyProblem.Empty, 'Enter an amount in euros, e.g. 1.500,00.');
  const negative = SIGN.test(s);
  s = s.replace(SIGN, '');
  if (!/^\d[\d ., ]*$/.test(s) || / {2}/.test(s)) return NOT_A_NUMBER(typed);

  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  let decimal: string | null = null;
  let group: string | null = null;
  if (commas > 0 && dots > 0) {
    decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    group = decimal === ',' ? '.' : ',';
    if ((decimal === ',' ? commas : dots) > 1) return NOT_A_NUMBER(typed);
  } else if (commas + dots === 1) {
    decimal = commas === 1 ? ',' : '.';
  } else if (commas + dots > 1) {
    group = commas > 0 ? ',' : '.';
  }

  let intPart = s;
  let fraction = '';
  if (decimal !== null) {
    const at = s.lastIndexOf(decimal);
    intPart = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (!/^\d+$/.test(fraction)) return NOT_A_NUMBER(typed);
  }
  const digits = integerDigits(intPart, group);
  if (digits === null) return NOT_A_NUMBER(typed);

  if (negative && /[1-9]/.test(digits + fraction)) {
    return fail(MoneyProblem.Negative, 'The amount cannot be negative.');
  }
  if (fraction.length === 3 && group === null && /^[1-9]\d{0,2}$/.test(intPart)) {
    const whole = `${intPart}${fraction}`;
    return fail(
      MoneyProblem.Ambiguous,
      `"${typed}" can be read in two ways: write ${whole} for ${whole} euros, or ${intPart},${fraction.slice(0, 2)} with at most two decimals.`,
    );
  }
  if (fraction.length > 2) {
    return fail(MoneyProblem.TooManyDecimals, 'An amount in euros has at most two decimals (cents), e.g. 12,50.');
  }
  const cents = Number(`${digits}${fraction.padEnd(2, '0')}`);
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) {
    return fail(MoneyProblem.TooLarge, 'The amount is too large.');
  }
  return { ok: true, cents };
}

/**
 * The options for Intl.NumberFormat that show an amount in euros, in any language:
 * `new Intl.NumberFormat(lang, euroFormatOptions()).format(centsToEuros(cents))`.
 * `wholeEuros` drops the cents (for the projector's big numbers, when all amounts are whole euros).
 */
export function euroFormatOptions(wholeEuros = false): Intl.NumberFormatOptions {
  const digits = wholeEuros ? 0 : 2;
  return { style: 'currency', currency: 'EUR', minimumFractionDigits: digits, maximumFractionDigits: digits };
}

/** Cents as a euro number for Intl.NumberFormat only: display, never arithmetic. */
export function centsToEuros(cents: number): number {
  return cents / 100;
}
