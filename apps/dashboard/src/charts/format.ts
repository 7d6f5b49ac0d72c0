import type { UiLanguage } from '../shared/language';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(language: UiLanguage, decimals: number): Intl.NumberFormat {
  const key = `${language}:${decimals}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, found);
  }
  return found;
}

/** A number with a fixed number of decimals in the interface language; an en dash for a missing value. */
export function formatNumber(value: number | null | undefined, language: UiLanguage, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  // -0.00 reads as a sign where there is none.
  const rounded = Number(value.toFixed(decimals));
  return formatter(language, decimals).format(rounded === 0 ? 0 : rounded);
}

/** A p-value as journals print it: three decimals, and "< 0.001" below that. */
export function formatP(value: number | null | undefined, language: UiLanguage): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (value < 0.001) return `< ${formatNumber(0.001, language, 3)}`;
  return formatNumber(value, language, 3);
}

/** "[lower, upper]" with the given decimals. */
export function formatInterval(
  interval: readonly [number, number] | null | undefined,
  language: UiLanguage,
  decimals = 2,
): string {
  if (!interval) return '–';
  // A semicolon separates the bounds in Dutch, where the comma is the decimal sign.
  const separator = language === 'nl' ? '; ' : ', ';
  return `[${formatNumber(interval[0], language, decimals)}${separator}${formatNumber(interval[1], language, decimals)}]`;
}

export function formatPercent(value: number | null | undefined, language: UiLanguage, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${formatNumber(value, language, decimals)}%`;
}
