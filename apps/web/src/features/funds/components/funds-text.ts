import {
  APPLICATION_STATE_INFO,
  centsToEuros,
  euroFormatOptions,
  parseEuroInput,
  type ApplicationState,
  type ApplicationTransitionId,
  type FundSummary,
} from '@app/shared/funds';
import { calendarDate } from '@app/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatLocale } from '../../../lib/i18n';
import { ApiError } from '../../../lib/api-client';
import { FormError, type FieldErrors, type UiMessage } from '../../../lib/messages';

/** An amount in cents as euros in the page's language (Intl with the shared options; never arithmetic). */
export function formatEuro(cents: number, language: string): string {
  return new Intl.NumberFormat(formatLocale(language), euroFormatOptions()).format(centsToEuros(cents));
}

export function useEuro(): (cents: number | null | undefined) => string {
  const { i18n } = useTranslation();
  return (cents) => (cents === null || cents === undefined ? '–' : formatEuro(cents, i18n.language));
}

export const stateLabel = (t: TFunction, state: ApplicationState) => t(APPLICATION_STATE_INFO[state].labelKey);
export const stateDescription = (t: TFunction, state: ApplicationState) =>
  t(APPLICATION_STATE_INFO[state].descriptionKey, { defaultValue: APPLICATION_STATE_INFO[state].description });
export const transitionLabel = (t: TFunction, id: ApplicationTransitionId) => t(`funds.transitions.${id}`);

/** Typed euros → cents, or the parser's problem as a translated message for the field. */
export function readEuros(text: string): { cents: number } | { problem: UiMessage } {
  const parsed = parseEuroInput(text);
  if (parsed.ok) return { cents: parsed.cents };
  return { problem: { key: `funds.money.${parsed.problem}`, text: parsed.message } };
}

/** Typed euros → cents for a request body; what does not parse is sent as typed so the server names the problem. */
export function eurosOrRaw(text: string): number | string {
  const parsed = parseEuroInput(text);
  return parsed.ok ? parsed.cents : text;
}

/** Cents → what the person sees in an input ("1500,00" in German, "1500.00" in English), without grouping. */
export function centsToInput(cents: number | null | undefined, language: string): string {
  if (cents === null || cents === undefined) return '';
  return new Intl.NumberFormat(formatLocale(language), { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(
    centsToEuros(cents),
  );
}

/** Amount parameters of an API message ("maxCents", "remainingCents", the engine's "max") as euros for the text. */
function amountParams(params: Record<string, number | string> | undefined, language: string): Record<string, string | number> {
  const out: Record<string, string | number> = { ...(params ?? {}) };
  for (const [key, value] of Object.entries(params ?? {})) {
    if (typeof value !== 'number') continue;
    const name = key.replace(/Cents$/, '');
    if (key.endsWith('Cents') || ['max', 'actual', 'requested'].includes(key)) out[name] = formatEuro(value, language);
  }
  return out;
}

/**
 * The API's refusals in the words of the funds texts (`funds.rules.<rule>`, with the limit it names);
 * a message about something that is not a field of this form (the application period) becomes the
 * form's own message.
 */
export function fundsError(error: unknown, fields: readonly string[], language: string): unknown {
  if (!(error instanceof ApiError) || error.details.length === 0) return error;
  const fieldErrors: FieldErrors = {};
  let formLevel: UiMessage | null = null;
  for (const detail of error.details) {
    const messages = detail.messages.map((text, index) => {
      const rule = detail.rules?.[index];
      const keys =
        rule && /^\w+$/.test(rule) ? [`funds.rules.${rule}`, `validation.rules.${rule}`, 'validation.invalid'] : ['validation.invalid'];
      return { key: keys, params: { detail: text, ...amountParams(detail.params, language) }, text } satisfies UiMessage;
    });
    if (fields.includes(detail.field)) fieldErrors[detail.field] = messages;
    else formLevel ??= messages[0];
  }
  return new FormError(formLevel ?? { key: `errors.${error.code}`, text: error.message }, fieldErrors);
}

/** Where a fund's application period stands: open, not begun, over, or closed early by the fund's decision. */
export function periodText(t: TFunction, fund: Pick<FundSummary, 'open' | 'decided' | 'applicationStart'>): string {
  if (fund.open) return t('funds.list.open');
  if (fund.decided) return t('funds.list.decided');
  return calendarDate(new Date()) < fund.applicationStart ? t('funds.list.notYet') : t('funds.list.closed');
}
