import { DEFAULT_LANGUAGE, IndicatorDirection, type IndicatorDefinition, type LocalizedText } from '@app/shared';
import { isLanguage } from '../../../lib/i18n';

/** Picks the text in the UI language, falling back to German (always present). */
export function localized(text: LocalizedText, language: string): string {
  return (isLanguage(language) ? text[language] : '') || text[DEFAULT_LANGUAGE];
}

export function indicatorName(indicator: IndicatorDefinition, language: string): string {
  return localized(indicator.name, language);
}

/** A number in the UI language with the indicator's decimals ("12,5" in German); empty for null. */
export function formatNumber(value: number | null | undefined, decimals: number, language: string, grouping = true): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  }).format(value);
}

/** A difference with its sign, e.g. "+3,4" or "−1,2". */
export function formatSigned(value: number | null | undefined, decimals: number, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay: 'exceptZero',
  }).format(value);
}

/** "12,5 %" – the value with the indicator's unit. */
export function formatWithUnit(value: number | null | undefined, indicator: IndicatorDefinition, language: string): string {
  const text = formatNumber(value, indicator.decimals, language);
  if (!text) return '';
  return indicator.unit ? `${text} ${indicator.unit}` : text;
}

export function higherIsBetter(indicator: IndicatorDefinition): boolean {
  return indicator.direction === IndicatorDirection.HigherIsBetter;
}

/** The value rounded to the indicator's display precision (the contract: compare only after rounding). */
export function rounded(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
