/**
 * 新登记企业 in the planning report (`lianjian plan`; issue 16, 源头登记、跟踪组建). The command line has no
 * import history, so it reports what the register itself says: operating enterprises whose 成立日期
 * (`registered_on`) falls in the period [since, until] — in total, per district and street, and per
 * month and area (the street, else the district) — each with how many must be covered and how many
 * are covered by an organization. Pure.
 */
import type { Dataset } from '../model/types';
import type { PlanReport, RegistrationCounts, RegistrationMonthRow } from '../model/report';
import { Flag } from '../model/enterprise-table';
import type { PlanResult } from '../plan';
import { addDays } from './status-light';
import { registeredOnOf } from './new-registrations';

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;

/** The period's default start, as the app's 新登记企业 list: the first day of the month before `today`'s. */
export function defaultRegistrationsSince(today: string): string {
  return monthStart(addDays(monthStart(today), -1));
}

const empty = (): RegistrationCounts => ({ count: 0, must_cover: 0, covered: 0 });

/** The report with `summary.new_registrations`, `areas[].new_registrations` and the top-level `new_registrations` period and month rows. */
export function withNewRegistrations(report: PlanReport, dataset: Dataset, base: PlanResult, since: string, until: string): PlanReport {
  const { flags } = base.table;
  const total = empty();
  const byArea = dataset.areas.map(empty);
  const months = new Map<string, RegistrationMonthRow>();
  const add = (c: RegistrationCounts, mustCover: boolean, covered: boolean) => {
    c.count++;
    if (mustCover) c.must_cover++;
    if (covered) c.covered++;
  };
  dataset.enterprises.forEach((e, i) => {
    const on = registeredOnOf(e);
    if (!on || on < since || on > until || !(flags[i] & Flag.OPERATING)) return;
    const mustCover = (flags[i] & Flag.MUST_COVER) !== 0;
    const covered = (flags[i] & Flag.COVERED) !== 0;
    add(total, mustCover, covered);
    const d = base.district[i];
    const s = base.street[i];
    if (d >= 0) add(byArea[d], mustCover, covered);
    if (s >= 0) add(byArea[s], mustCover, covered);
    const area = s >= 0 ? dataset.areas[s] : d >= 0 ? dataset.areas[d] : null;
    const month = on.slice(0, 7);
    const key = `${month}|${area?.id ?? ''}`;
    let row = months.get(key);
    if (!row) months.set(key, (row = { month, area_id: area?.id ?? null, area_name: area?.name ?? null, ...empty() }));
    add(row, mustCover, covered);
  });
  const index = new Map(dataset.areas.map((a, k) => [a.id, k]));
  return {
    ...report,
    summary: { ...report.summary, new_registrations: total },
    areas: report.areas.map((row) => {
      const k = index.get(row.id);
      return k === undefined ? row : { ...row, new_registrations: byArea[k] };
    }),
    new_registrations: {
      since, until,
      months: [...months.values()].sort((a, b) => b.month.localeCompare(a.month) || (a.area_id ?? '').localeCompare(b.area_id ?? '')),
    },
  };
}
