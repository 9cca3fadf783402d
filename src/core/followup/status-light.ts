/**
 * The status light of a task with a deadline (三定: 定人、定责、定时间): the one place that says whether a
 * plan item, a worklist entry or an inspection follow-up is on track (绿), due within 7 days (黄) or
 * overdue (红). Done tasks have no light; an open task without a due date is `undated` (no deadline
 * set yet: the gap 三定 closes). Dates are calendar days (YYYY-MM-DD), compared as text.
 */
export type StatusLight = 'on_track' | 'due_soon' | 'overdue' | 'undated';

/** Days before the due date from which an open task is 黄 (due soon). */
export const DUE_SOON_DAYS = 7;

const DAY_MS = 86_400_000;

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) throw new Error(`not a date (YYYY-MM-DD): ${date}`);
  return new Date(t + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today as YYYY-MM-DD in China Standard Time (UTC+8), where the campaign's deadlines fall. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function statusLight(dueDate: string | null | undefined, done: boolean, today: string): StatusLight | null {
  if (done) return null;
  if (!dueDate) return 'undated';
  const due = dueDate.slice(0, 10);
  if (due < today) return 'overdue';
  if (due <= addDays(today, DUE_SOON_DAYS)) return 'due_soon';
  return 'on_track';
}

/** 红黄绿 as RGB, and grey for undated: the worklist, the plan list, the map outline and the bulletin share these. */
export const STATUS_LIGHT_COLORS: Record<StatusLight, [number, number, number]> = {
  overdue: [207, 19, 34],
  due_soon: [250, 173, 20],
  on_track: [56, 158, 13],
  undated: [140, 140, 140],
};
