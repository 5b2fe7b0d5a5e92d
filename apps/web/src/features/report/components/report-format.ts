import { INDICATOR_VALUE_MAX_DECIMALS, IndicatorDirection, type IndicatorDefinition } from '@app/shared';
import type { TFunction } from 'i18next';
import { formatLocale } from '../../../lib/i18n';
import { localized } from '../../../lib/localized';

export { localized };

export function indicatorName(indicator: IndicatorDefinition, language: string): string {
  return localized(indicator.name, language);
}

/** A number in the UI language with the indicator's decimals ("12,5" in German); empty for null. */
export function formatNumber(value: number | null | undefined, decimals: number, language: string, grouping = true): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(formatLocale(language), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  }).format(value);
}

/** A difference with its sign, e.g. "+3,4" or "−1,2". */
export function formatSigned(value: number | null | undefined, decimals: number, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(formatLocale(language), {
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

/**
 * The unit of a distance or difference: the difference of two percentages is in percentage points,
 * every other unit stays as it is ("+3,7 Prozentpunkte", not "+3,7 %").
 */
export function differenceUnit(indicator: IndicatorDefinition, t: TFunction): string {
  return indicator.unit.trim() === '%' ? t('report.common.percentagePoints') : indicator.unit;
}

/** Header of a "distance to the city" column with its unit: "Abstand zur Stadt (Prozentpunkte)". */
export function differenceHeader(indicator: IndicatorDefinition, t: TFunction): string {
  const unit = differenceUnit(indicator, t);
  return unit ? `${t('report.overview.colDifference')} (${unit})` : t('report.overview.colDifference');
}

/** Typed decimals: comma or point, at most INDICATOR_VALUE_MAX_DECIMALS places ("12,5", "-3", "0.25"). */
const DECIMAL_INPUT = new RegExp(`^-?\\d+([.,]\\d{1,${INDICATOR_VALUE_MAX_DECIMALS}})?$`);

export function isDecimalInput(text: string): boolean {
  return DECIMAL_INPUT.test(text.trim());
}

/** The number of a typed decimal (check it with isDecimalInput first). */
export function parseDecimalInput(text: string): number {
  return Number(text.trim().replace(',', '.'));
}

/** A stored value as a person would type it in the UI language, without grouping ("12,5"). */
export function formatDecimalInput(value: number, language: string): string {
  return new Intl.NumberFormat(formatLocale(language), { maximumFractionDigits: INDICATOR_VALUE_MAX_DECIMALS, useGrouping: false }).format(
    value,
  );
}

export function higherIsBetter(indicator: IndicatorDefinition): boolean {
  return indicator.direction === IndicatorDirection.HigherIsBetter;
}

/** The value rounded to the indicator's display precision (the contract: compare only after rounding). */
export function rounded(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
