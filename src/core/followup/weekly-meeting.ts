/**
 * The weekly meeting sheet (每周例会): per responsible person, what changed since last week's meeting and
 * what is overdue, with the inspection follow-ups that are due. Pure: rows for the sheet and for print.
 */
import type { InspectionNote, PlanItem } from '../model/records';
import { addDays, statusLight, type StatusLight } from './status-light';
import { writeXlsx } from '../io/xlsx';

export interface WeeklyMeetingRow {
  owner: string;
  kind: 'changed' | 'overdue' | 'follow_up';
  title: string;
  status: PlanItem['status'] | null;
  dueDate: string | null;
  light: StatusLight | null;
  /** When it last changed (YYYY-MM-DD). */
  changedOn: string;
  /** The finding, for an inspection follow-up. */
  note: string;
}

/**
 * Items changed in the 7 days up to `today`, and open items past due; inspection notes whose follow-up is due
 * by `today` and not resolved, under the owner of their plan item (or the area's leader, via `leaderOf`).
 * Sorted by owner, then overdue first.
 */
export function weeklyMeetingRows(
  items: readonly PlanItem[], notes: readonly InspectionNote[], today: string, leaderOf: (areaId: string) => string = () => '',
): WeeklyMeetingRow[] {
  const weekAgo = addDays(today, -7);
  const rows: WeeklyMeetingRow[] = [];
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const item of items) {
    const light = statusLight(item.dueDate, item.status === 'formed', today);
    const changedOn = item.updatedAt.slice(0, 10);
    const base = { owner: item.owner.trim(), title: item.title, status: item.status, dueDate: item.dueDate, light, changedOn, note: '' };
    if (light === 'overdue') rows.push({ ...base, kind: 'overdue' });
    else if (changedOn > weekAgo && changedOn <= today) rows.push({ ...base, kind: 'changed' });
  }
  for (const n of notes) {
    if (n.resolved || !n.followUpDue || n.followUpDue > today) continue;
    const item = n.planItemId ? byId.get(n.planItemId) : undefined;
    rows.push({
      owner: item ? item.owner.trim() : n.areaId ? leaderOf(n.areaId) : '', kind: 'follow_up', title: item?.title ?? '',
      status: item?.status ?? null, dueDate: n.followUpDue, light: statusLight(n.followUpDue, false, today), changedOn: n.inspectedOn, note: n.finding,
    });
  }
  const order: Record<WeeklyMeetingRow['kind'], number> = { overdue: 0, follow_up: 1, changed: 2 };
  return rows.sort((a, b) => a.owner.localeCompare(b.owner, 'zh-CN') || order[a.kind] - order[b.kind] || (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.title.localeCompare(b.title));
}

/** The words of the sheet, in the user's language (the UI passes its translations). */
export interface WeeklySheetText {
  sheet: string;
  owner: string;
  noOwner: string;
  kind: string;
  kinds: Record<WeeklyMeetingRow['kind'], string>;
  item: string;
  status: string;
  statuses: Record<PlanItem['status'], string>;
  dueDate: string;
  light: string;
  lights: Record<StatusLight, string>;
  changedOn: string;
  note: string;
}

/** The sheet as XLSX: one row per entry, text cells guarded against formulas (writeXlsx). */
export function exportWeeklyMeetingXlsx(rows: readonly WeeklyMeetingRow[], date: string, text: WeeklySheetText): Promise<Uint8Array<ArrayBuffer>> {
  return writeXlsx([{
    name: `${text.sheet} ${date}`,
    columns: [
      { key: 'owner', header: text.owner, width: 14 }, { key: 'kind', header: text.kind, width: 16 }, { key: 'title', header: text.item, width: 30 },
      { key: 'status', header: text.status }, { key: 'dueDate', header: text.dueDate, width: 12 }, { key: 'light', header: text.light, width: 12 },
      { key: 'changedOn', header: text.changedOn, width: 12 }, { key: 'note', header: text.note, width: 40 },
    ],
    rows: rows.map((r) => ({
      owner: r.owner || text.noOwner, kind: text.kinds[r.kind], title: r.title, status: r.status ? text.statuses[r.status] : '',
      dueDate: r.dueDate ?? '', light: r.light ? text.lights[r.light] : '', changedOn: r.changedOn, note: r.note,
    })),
  }]);
}
