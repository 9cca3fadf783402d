/**
 * 新登记企业 (源头登记、跟踪组建): enterprises by the month they were registered — the register's 成立日期
 * (`registeredOn`) when it is known, else the day an import first brought them in — with the area they
 * are in, whether they must be covered and whether they are. Pure.
 */
import type { Enterprise } from '../model/types';
import type { RegisterChange } from '../model/records';

export interface NewRegistration {
  enterpriseId: string;
  /** YYYY-MM-DD: 成立日期, or the first import that listed it. */
  registeredOn: string;
  /** YYYY-MM. */
  month: string;
  source: 'registered_on' | 'import';
  districtId: string | null;
  streetId: string | null;
}

/** The 成立日期 the register carries (added to the contract in 20261202001400; absent in older data). */
export function registeredOnOf(e: Enterprise): string | null {
  const v = (e as Enterprise & { registeredOn?: string | null }).registeredOn;
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;
}

/**
 * Every enterprise with a registration date on or after `since` (YYYY-MM-DD), newest first. An enterprise
 * without 成立日期 counts from the first import that recorded it as new.
 */
export function newRegistrations(enterprises: readonly Enterprise[], changes: readonly RegisterChange[], since: string): NewRegistration[] {
  const firstSeen = new Map<string, string>();
  for (const c of changes) {
    if (c.change !== 'new') continue;
    const seen = firstSeen.get(c.enterpriseId);
    if (!seen || c.seenOn < seen) firstSeen.set(c.enterpriseId, c.seenOn);
  }
  const rows: NewRegistration[] = [];
  for (const e of enterprises) {
    const own = registeredOnOf(e);
    const date = own ?? firstSeen.get(e.id) ?? null;
    if (!date || date < since) continue;
    rows.push({
      enterpriseId: e.id, registeredOn: date, month: date.slice(0, 7), source: own ? 'registered_on' : 'import',
      districtId: e.district || null, streetId: e.street || null,
    });
  }
  return rows.sort((a, b) => b.registeredOn.localeCompare(a.registeredOn) || a.enterpriseId.localeCompare(b.enterpriseId));
}

export interface MonthAreaCount {
  month: string;
  areaId: string;
  count: number;
  mustCover: number;
  covered: number;
}

/** Counts per month and area (the street, else the district), with must-cover and covered among them. */
export function countByMonthAndArea(
  rows: readonly NewRegistration[], isMustCover: (enterpriseId: string) => boolean, isCovered: (enterpriseId: string) => boolean,
): MonthAreaCount[] {
  const counts = new Map<string, MonthAreaCount>();
  for (const r of rows) {
    const areaId = r.streetId ?? r.districtId ?? '';
    const key = `${r.month}|${areaId}`;
    let c = counts.get(key);
    if (!c) counts.set(key, (c = { month: r.month, areaId, count: 0, mustCover: 0, covered: 0 }));
    c.count++;
    if (isMustCover(r.enterpriseId)) c.mustCover++;
    if (isCovered(r.enterpriseId)) c.covered++;
  }
  return [...counts.values()].sort((a, b) => b.month.localeCompare(a.month) || a.areaId.localeCompare(b.areaId));
}
