/**
 * Guards: the data a transition needs before it may happen. A field guard checks one value of the
 * transition's input; a fact guard checks what is already recorded about the project (its runs and
 * their evaluations). Both report MissingField entries with stable field/rule keys, so the API can
 * return them in error details and the web can translate them (`workflow.fields.<field>`,
 * `workflow.rules.<rule>`), and with an English message a person can act on.
 */

/** The kinds of input a transition form asks for. */
export enum GuardFieldType {
  /** Plain text, trimmed; length counted after trimming. */
  Text = 'text',
  /** A calendar date as "YYYY-MM-DD" (no time, no zone). */
  Date = 'date',
  /** A whole number of euro cents (500000 = 5,000 EUR): no rounding surprises. */
  Money = 'money',
  /** The id of another record (an area, an organisation); the API checks that it exists. */
  Reference = 'reference',
  /** A list of non-empty strings (keys), duplicates removed. */
  List = 'list',
}

export const GUARD_FIELD_TYPES: readonly GuardFieldType[] = Object.values(GuardFieldType);

/** Why a field or fact blocks a transition. Stable keys: the web translates `workflow.rules.<rule>`. */
export enum GuardRule {
  /** Absent, null, or empty after trimming. */
  Required = 'required',
  /** Present but of the wrong kind (e.g. a number where text is expected). */
  Type = 'type',
  MinLength = 'min_length',
  MaxLength = 'max_length',
  /** Not a real calendar date in the form YYYY-MM-DD. */
  DateFormat = 'date_format',
  /** A date before another date it must follow (end before start). */
  DateOrder = 'date_order',
  /** A date after today (Europe/Berlin) where only past or present dates make sense. */
  DateNotFuture = 'date_not_future',
  /** Not a whole number of cents. */
  MoneyFormat = 'money_format',
  /** Zero or negative. */
  Positive = 'positive',
  MinItems = 'min_items',
  /** A value outside the allowed choices. */
  Choice = 'choice',
  /** Fact: no single project run of this project has finished yet. */
  FinishedRun = 'finished_run',
  /** Fact: an evaluation exists but rates the run as not successful. */
  PositiveOutcome = 'positive_outcome',
  /** Fact: a run of this type is still going on in the chosen area. */
  AreaHasRun = 'area_has_run',
  /** Fact: the run starts later; it cannot be completed and evaluated before its start date. */
  RunNotStarted = 'run_not_started',
}

export const GUARD_RULES: readonly GuardRule[] = Object.values(GuardRule);

/** Whether the person making the transition can fix it in the form (input) or something must be recorded first (subject). */
export type MissingFieldSource = 'input' | 'subject';

export interface MissingField {
  /** Dotted path, e.g. "fundingAmountCents" or "runs.<runId>.evaluation.evidence". */
  field: string;
  rule: GuardRule;
  /** English, actionable: says what to enter or record. */
  message: string;
  source: MissingFieldSource;
  /** Numbers and names the message uses (min, max, actual, other field…), for translated texts. */
  params?: Readonly<Record<string, string | number>>;
}

/** One input field a transition requires (or accepts, when optional). */
export interface FieldGuard {
  field: string;
  type: GuardFieldType;
  required: boolean;
  /** English noun phrase for messages, e.g. "funding amount". The web uses `workflow.fields.<field>`. */
  label: string;
  minLength?: number;
  maxLength?: number;
  /** Date: must not be before the date in this other field of the same input. */
  notBefore?: string;
  /** Date: must not be after today. */
  notInFuture?: boolean;
  /** List: at least this many items. */
  minItems?: number;
}

/** The i18n key of a field's label: `workflow.fields.<field>`. */
export function fieldLabelKey(field: string): string {
  return `workflow.fields.${field}`;
}

/** The time zone "today" is taken in: the city's. */
export const WORKFLOW_TIME_ZONE = 'Europe/Berlin';

/** The calendar date of `now` in the city's time zone, as YYYY-MM-DD. */
export function calendarDate(now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: WORKFLOW_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date "YYYY-MM-DD" (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function missing(guard: FieldGuard, rule: GuardRule, message: string, params?: Record<string, string | number>, prefix = ''): MissingField {
  return { field: prefix + guard.field, rule, message, source: prefix ? 'subject' : 'input', ...(params ? { params } : {}) };
}

/** A normalised, valid field value: trimmed text, the date string, cents, or the de-duplicated list. */
export type GuardValue = string | number | string[];

export interface FieldCheck {
  /** The normalised value when valid and present; undefined when absent (optional field) or invalid. */
  value?: GuardValue;
  problems: MissingField[];
}

/**
 * Checks one field of a record. `record` is the whole input (for cross-field rules like notBefore);
 * `prefix` turns the field into a path inside the subject (e.g. "runs.r1.evaluation.") for fact checks.
 */
export function checkField(guard: FieldGuard, record: Readonly<Record<string, unknown>>, now: Date, prefix = ''): FieldCheck {
  const raw = record[guard.field];
  const label = guard.label;
  if (isEmpty(raw)) {
    if (!guard.required) return { problems: [] };
    const message =
      guard.type === GuardFieldType.List
        ? `Name at least ${guard.minItems ?? 1} ${label}.`
        : `${guard.type === GuardFieldType.Reference ? 'Choose' : 'Enter'} the ${label}.`;
    return { problems: [missing(guard, GuardRule.Required, message, undefined, prefix)] };
  }
  switch (guard.type) {
    case GuardFieldType.Text:
    case GuardFieldType.Reference: {
      if (typeof raw !== 'string') {
        return { problems: [missing(guard, GuardRule.Type, `The ${label} must be text.`, undefined, prefix)] };
      }
      const value = raw.trim();
      const length = [...value].length;
      if (guard.minLength !== undefined && length < guard.minLength) {
        const message = `The ${label} needs at least ${guard.minLength} characters (it has ${length}).`;
        return { problems: [missing(guard, GuardRule.MinLength, message, { min: guard.minLength, actual: length }, prefix)] };
      }
      if (guard.maxLength !== undefined && length > guard.maxLength) {
        const message = `The ${label} may have at most ${guard.maxLength} characters (it has ${length}).`;
        return { problems: [missing(guard, GuardRule.MaxLength, message, { max: guard.maxLength, actual: length }, prefix)] };
      }
      return { value, problems: [] };
    }
    case GuardFieldType.Date: {
      if (typeof raw !== 'string' || !isCalendarDate(raw.trim())) {
        const message = `The ${label} must be a calendar date in the form YYYY-MM-DD (e.g. 2026-03-01).`;
        return { problems: [missing(guard, GuardRule.DateFormat, message, undefined, prefix)] };
      }
      const value = raw.trim();
      if (guard.notInFuture) {
        const today = calendarDate(now);
        if (value > today) {
          const message = `The ${label} cannot be in the future (today is ${today}).`;
          return { problems: [missing(guard, GuardRule.DateNotFuture, message, { today }, prefix)] };
        }
      }
      if (guard.notBefore !== undefined) {
        const other = record[guard.notBefore];
        if (typeof other === 'string' && isCalendarDate(other.trim()) && value < other.trim()) {
          const message = `The ${label} must not be before ${guard.notBefore} (${other.trim()}).`;
          return { problems: [missing(guard, GuardRule.DateOrder, message, { other: guard.notBefore, otherValue: other.trim() }, prefix)] };
        }
      }
      return { value, problems: [] };
    }
    case GuardFieldType.Money: {
      if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) {
        const message = `The ${label} must be a whole number of euro cents (e.g. 500000 for 5,000 EUR).`;
        return { problems: [missing(guard, GuardRule.MoneyFormat, message, undefined, prefix)] };
      }
      if (raw <= 0) {
        return { problems: [missing(guard, GuardRule.Positive, `The ${label} must be more than 0.`, { actual: raw }, prefix)] };
      }
      return { value: raw, problems: [] };
    }
    case GuardFieldType.List: {
      if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string')) {
        return { problems: [missing(guard, GuardRule.Type, `The ${label} must be a list of keys.`, undefined, prefix)] };
      }
      const value = [...new Set((raw as string[]).map((item) => item.trim()).filter((item) => item !== ''))];
      const min = guard.minItems ?? 1;
      if (value.length < min) {
        const message = `Name at least ${min} ${label} (there ${value.length === 1 ? 'is' : 'are'} ${value.length}).`;
        return { problems: [missing(guard, GuardRule.MinItems, message, { min, actual: value.length }, prefix)] };
      }
      return { value, problems: [] };
    }
  }
}
