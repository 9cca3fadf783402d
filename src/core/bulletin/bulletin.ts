/**
 * The half-monthly bulletin (半月通报): areas ranked by 组建率 on a snapshot date, with what changed
 * since the previous snapshot, and each area's trend over all snapshots. Pure: snapshots in, rows out.
 */
export interface SnapshotFigures {
  takenOn: string;
  areaId: string;
  enterprises: number;
  covered: number;
  ownOrg: number;
  mustCover: number;
  mustCoverCovered: number;
  sixClearsComplete: number;
  organizations: number;
  planItemsFormed: number;
  /** The follow-up figures (20261202001500): absent in older snapshots. */
  overdue?: number;
  dueSoon?: number;
  leader?: string;
  newRegistrations?: number;
  newRegistrationsCovered?: number;
  membersElsewhere?: number;
  membersTransferred?: number;
  massOrgNoParty?: number;
  keyEnterprises?: number;
}

export interface BulletinArea {
  id: string;
  name: string;
  level: 'district' | 'street';
  parent: string | null;
}

export interface BulletinRow {
  areaId: string;
  name: string;
  rank: number;
  /** Rank at the previous snapshot (null when the area was not in it). */
  previousRank: number | null;
  enterprises: number;
  covered: number;
  coverageRate: number;
  /** Percentage points gained since the previous snapshot. */
  pointsGained: number | null;
  newOrganizations: number | null;
  newlyCovered: number | null;
  planItemsDone: number | null;
  sixClearsRate: number;
  mustCover: number;
  mustCoverCovered: number;
  /** Open plan items past due on the snapshot date (null: a snapshot taken before these were recorded). */
  overdue: number | null;
  /** Open plan items due within 7 days on the snapshot date (null: not recorded). */
  dueSoon: number | null;
  /** The leader in charge (分片包干) when the snapshot was taken ('' = none named). */
  leader: string;
  /** Enterprises registered in the snapshot's month, and how many of them are covered (null: not recorded). */
  newRegistrations: number | null;
  newRegistrationsCovered: number | null;
  /** The campaign figures of the snapshot (null: not recorded in it). */
  membersElsewhere: number | null;
  membersTransferred: number | null;
  massOrgNoParty: number | null;
  keyEnterprises: number | null;
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function snapshotDates(snapshots: readonly SnapshotFigures[]): string[] {
  return [...new Set(snapshots.map((s) => s.takenOn))].sort();
}

/** The areas ranked: districts, or the streets of one district (`parent`). Ties share the better rank's order by size. */
function ranked(snapshots: readonly SnapshotFigures[], date: string, wanted: ReadonlySet<string>): SnapshotFigures[] {
  return snapshots
    .filter((s) => s.takenOn === date && wanted.has(s.areaId) && s.enterprises > 0)
    .sort((a, b) => rate(b.covered, b.enterprises) - rate(a.covered, a.enterprises) || b.enterprises - a.enterprises || a.areaId.localeCompare(b.areaId));
}

export function bulletinRows(
  snapshots: readonly SnapshotFigures[], areas: readonly BulletinArea[], date: string, level: 'district' | 'street', parent: string | null = null,
): BulletinRow[] {
  const wanted = new Set(areas.filter((a) => a.level === level && (parent === null || a.parent === parent)).map((a) => a.id));
  const names = new Map(areas.map((a) => [a.id, a.name]));
  const dates = snapshotDates(snapshots);
  const previousDate = dates.filter((d) => d < date).at(-1) ?? null;
  const current = ranked(snapshots, date, wanted);
  const previous = previousDate ? ranked(snapshots, previousDate, wanted) : [];
  const before = new Map(previous.map((s, k) => [s.areaId, { s, rank: k + 1 }]));
  return current.map((s, k) => {
    const p = before.get(s.areaId);
    const coverageRate = rate(s.covered, s.enterprises);
    return {
      areaId: s.areaId, name: names.get(s.areaId) ?? s.areaId, rank: k + 1, previousRank: p?.rank ?? null,
      enterprises: s.enterprises, covered: s.covered, coverageRate,
      pointsGained: p ? (coverageRate - rate(p.s.covered, p.s.enterprises)) * 100 : null,
      newOrganizations: p ? s.organizations - p.s.organizations : null,
      newlyCovered: p ? s.covered - p.s.covered : null,
      planItemsDone: p ? s.planItemsFormed - p.s.planItemsFormed : null,
      sixClearsRate: rate(s.sixClearsComplete, s.enterprises),
      mustCover: s.mustCover, mustCoverCovered: s.mustCoverCovered,
      overdue: s.overdue ?? null, dueSoon: s.overdue === undefined ? null : s.dueSoon ?? 0, leader: s.leader ?? '',
      newRegistrations: s.newRegistrations ?? null, newRegistrationsCovered: s.newRegistrations === undefined ? null : s.newRegistrationsCovered ?? 0,
      membersElsewhere: s.membersElsewhere ?? null, membersTransferred: s.membersTransferred ?? null,
      massOrgNoParty: s.massOrgNoParty ?? null, keyEnterprises: s.keyEnterprises ?? null,
    };
  });
}

/** 组建率 of one area at every snapshot, oldest first. */
export function trend(snapshots: readonly SnapshotFigures[], areaId: string): { date: string; rate: number }[] {
  return snapshots
    .filter((s) => s.areaId === areaId)
    .sort((a, b) => a.takenOn.localeCompare(b.takenOn))
    .map((s) => ({ date: s.takenOn, rate: rate(s.covered, s.enterprises) }));
}

/** The 1st or 16th on or before `today` (YYYY-MM-DD): the date the automatic half-monthly snapshot is for. */
export function halfMonthDate(today: string): string {
  const [y, m, d] = today.split('-');
  return `${y}-${m}-${Number(d) >= 16 ? '16' : '01'}`;
}

/** Whether the half-monthly snapshot for `today` is still to be taken. */
export function halfMonthSnapshotDue(today: string, dates: readonly string[]): boolean {
  const due = halfMonthDate(today);
  return !dates.some((d) => d >= due && d <= today);
}
