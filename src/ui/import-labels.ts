/**
 * The import's columns and problems in the UI language: "正式党员 应为整数", not "party_members 不是整数";
 * "统一社会信用代码校验位错误", not "credit_code_check".
 */
import type { TFunction } from 'i18next';
import type { Problem } from '../core/io/problems';

/** A contract column (or "lon,lat") by its label. Unknown names (extra columns) stay as they are. */
export function columnLabel(t: TFunction, column: string): string {
  if (column === '') return '—';
  return column.split(',').map((c) => t(`columns.${c}`, { defaultValue: c })).join(' / ');
}

export function problemName(t: TFunction, code: string): string {
  return t(`problemName.${code}`, { defaultValue: code });
}

/** Messages that name a column are written again with its label; the others come from the reader in both languages. */
const BY_COLUMN = new Set(['not_a_number', 'negative_count', 'bad_boolean', 'missing_column']);

export function problemMessage(t: TFunction, locale: string, p: Problem): string {
  if (BY_COLUMN.has(p.code)) return t(`problemMessage.${p.code}`, { column: columnLabel(t, p.column), value: p.value });
  return locale === 'en' ? p.message_en : p.message;
}
