import {
  calendarDate,
  fieldLabelKey,
  PROJECT_STATE_INFO,
  TRANSITIONS_BY_ID,
  type FieldGuard,
  type MissingField,
  type ProjectState,
  type Role,
  type TransitionId,
} from '@app/shared';
import type { TFunction } from 'i18next';
import { formatDate } from '../../../lib/format';
import type { UiMessage } from '../../../lib/messages';
import { formatLocale } from '../../../lib/i18n';

/**
 * Texts of the shared workflow, by the key conventions of libs/shared/src/workflow:
 * `workflow.states.<state>` (+ `_description`), `workflow.transitions.<id>` (+ `_description`),
 * `workflow.fields.<field>` and `workflow.rules.<rule>`.
 */

export function stateLabel(t: TFunction, state: ProjectState | string): string {
  const info = PROJECT_STATE_INFO[state as ProjectState];
  return info ? t(info.labelKey) : state;
}

export function stateDescription(t: TFunction, state: ProjectState | string): string {
  const info = PROJECT_STATE_INFO[state as ProjectState];
  return info ? t(info.descriptionKey, { defaultValue: info.description }) : '';
}

export function transitionLabel(t: TFunction, id: TransitionId | string): string {
  const transition = TRANSITIONS_BY_ID[id as TransitionId];
  return transition ? t(transition.labelKey, { defaultValue: transition.action }) : id;
}

export function transitionDescription(t: TFunction, id: TransitionId): string {
  const transition = TRANSITIONS_BY_ID[id];
  return t(`${transition.labelKey}_description`, { defaultValue: transition.description });
}

/**
 * The label of a field or of a path inside the project ("runs.<id>.evaluation.evidence" → evidence):
 * the last segment names what is missing.
 */
export function fieldLabel(t: TFunction, path: string): string {
  const last = path.split('.').pop() ?? path;
  return t(fieldLabelKey(last), { defaultValue: last });
}

export function roleList(t: TFunction, roles: readonly Role[]): string {
  return roles.map((role) => t(`roles.${role}`)).join(t('projects.actions.or'));
}

/** Parameters a rule text may use; the server's details carry none, so they come from the guard. */
function ruleParams(t: TFunction, field: string, params: Record<string, string | number> | undefined, guard?: FieldGuard) {
  const other = params?.other ?? guard?.notBefore;
  return {
    field: fieldLabel(t, field),
    min: guard?.minLength ?? guard?.minItems ?? '',
    max: guard?.maxLength ?? '',
    today: formatDate(calendarDate(new Date())),
    ...params,
    otherLabel: other ? fieldLabel(t, String(other)) : '',
  };
}

/** Translates one missing field (rule text with its parameters), falling back to the English message. */
export function missingText(t: TFunction, missing: MissingField, guard?: FieldGuard): string {
  return t(`workflow.rules.${missing.rule}`, {
    ...ruleParams(t, missing.field, missing.params as Record<string, string | number> | undefined, guard),
    defaultValue: missing.message,
  });
}

/** For form fields: the same text as a UiMessage (translated when rendered). */
export function ruleMessage(
  t: TFunction,
  field: string,
  rule: string,
  message: string,
  guard?: FieldGuard,
  params?: Record<string, string | number>,
): UiMessage {
  return { key: `workflow.rules.${rule}`, params: ruleParams(t, field, params, guard), text: message };
}

/** Euro amounts: cents in, "12.500,00 €" out (in the UI language). */
export function formatEuro(cents: number | null | undefined, language: string): string {
  if (cents === null || cents === undefined) return '';
  return new Intl.NumberFormat(formatLocale(language), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** "12.500,50", "12500.5", "12 500 €" → cents; null when it is not an amount. */
export function parseEuroToCents(text: string): number | null {
  let value = text.replace(/[€\s\u00a0]|EUR/gi, '');
  if (!value) return null;
  const comma = value.lastIndexOf(',');
  const dot = value.lastIndexOf('.');
  if (comma > dot) value = value.replace(/\./g, '').replace(',', '.');
  else if (dot > comma && comma >= 0) value = value.replace(/,/g, '');
  else if (dot >= 0 && /^\d{1,3}(\.\d{3})+$/.test(value)) value = value.replace(/\./g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return null;
  return Math.round(Number(value) * 100);
}
