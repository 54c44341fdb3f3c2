/**
 * Numbers as the console's reader writes them: Vietnamese `1.234,5` (dot for
 * thousands, comma for decimals, GLOSSARY.md), English `1,234.5`. At most
 * `maxFractionDigits` decimals, none when the value is whole.
 */
const formatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, language: 'vi' | 'en' = 'vi', maxFractionDigits = 1): string {
  const key = `${language}:${maxFractionDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: maxFractionDigits, useGrouping: true });
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}
