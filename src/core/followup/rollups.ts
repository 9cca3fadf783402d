/**
 * 督办 figures: per responsible person (责任人) and per area, the open plan items, how many are overdue or
 * due soon, and how many were done (已组建) in the period. Pure: plan items and where their members lie in,
 * rows out.
 */
import type { PlanItem } from '../model/records';
import { statusLight } from './status-light';

export interface FollowUpRollup {
  key: string;
  open: number;
  overdue: number;
  dueSoon: number;
  undated: number;
  doneThisPeriod: number;
}

/** Rows keyed by owner ('' = no owner named yet), most overdue first. */
export function rollupByOwner(items: readonly PlanItem[], today: string, periodStart: string): FollowUpRollup[] {
  return rollup(items, (item) => [item.owner.trim()], today, periodStart);
}

/**
 * Rows keyed by area: each item counts once in every area `areasOf` names for it (the districts and streets
 * of its members, say); an item in no area counts under ''.
 */
export function rollupByArea(items: readonly PlanItem[], areasOf: (item: PlanItem) => readonly string[], today: string, periodStart: string): FollowUpRollup[] {
  return rollup(items, (item) => {
    const areas = [...new Set(areasOf(item))];
    return areas.length > 0 ? areas : [''];
  }, today, periodStart);
}

function rollup(items: readonly PlanItem[], keysOf: (item: PlanItem) => readonly string[], today: string, periodStart: string): FollowUpRollup[] {
  const rows = new Map<string, FollowUpRollup>();
  for (const item of items) {
    const done = item.status === 'formed';
    const light = statusLight(item.dueDate, done, today);
    for (const key of keysOf(item)) {
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { key, open: 0, overdue: 0, dueSoon: 0, undated: 0, doneThisPeriod: 0 }));
      if (done) {
        // 已组建 is the item's last change: its updatedAt is when it was done.
        const doneOn = item.updatedAt.slice(0, 10);
        if (doneOn >= periodStart && doneOn <= today) row.doneThisPeriod++;
        continue;
      }
      row.open++;
      if (light === 'overdue') row.overdue++;
      else if (light === 'due_soon') row.dueSoon++;
      else if (light === 'undated') row.undated++;
    }
  }
  return [...rows.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.key.localeCompare(b.key));
}

/** The start of the period a 督办 view reports "done" over: the month of `today` (每月双通报). */
export function monthStart(today: string): string {
  return `${today.slice(0, 7)}-01`;
}
