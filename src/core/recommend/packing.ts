/**
 * Partitions uncovered must-cover enterprises into joint branches under the rule profile.
 *
 * Formal members are the scarce resource: every branch needs `jointMinFormal` of them, and a unit
 * slot spent on a member-carrying enterprise is a slot not spent on one without members. So a pool is
 * packed in three moves: build the smallest "cores" that reach the formal minimum (2 + 1 before
 * 2 + 2 before 1 + 1 + 1), hand the member-less enterprises to the nearest core with room, then merge
 * branches that fit together so that as few organizations as possible cover the same enterprises.
 */
import type { RuleProfile } from '../model/types';
import type { EnterpriseTable } from '../model/enterprise-table';
import { localProjection } from '../spatial/geo';
import { distanceBetween, isMapped, pointTree, withinSpanOfAll, type PointTree } from './points';

export type PlaceKind = 'building' | 'building_cluster' | 'zone' | 'cluster' | 'nearby' | 'association';

export interface Group {
  members: number[];
  formal: number;
  total: number;
  placeKind: PlaceKind;
  /** Association branches ignore the distance limit. */
  spanChecked: boolean;
  alive: boolean;
}

export interface PackState {
  readonly table: EnterpriseTable;
  readonly rules: RuleProfile;
  /** Per enterprise: index into `groups`, or -1. */
  readonly groupOf: Int32Array;
  readonly groups: Group[];
}

export function createPackState(table: EnterpriseTable, rules: RuleProfile): PackState {
  return { table, rules, groupOf: new Int32Array(table.count).fill(-1), groups: [] };
}

/** Affinity counts a different industry as this many metres farther away … */
const INDUSTRY_PENALTY_M = 250;
/** … and each unit of log(employees) of size difference as this many metres. */
const SIZE_PENALTY_M = 60;
/** In a core, one formal member more than needed weighs more than any distance in a city. */
const OVERSHOOT_PENALTY = 1e7;
/**
 * 党群联动: an enterprise with a mass organization (工会 / 共青团 / 妇联) and no Party organization is
 * preferred as the core of a new branch — first among seeds with as many formal members, and taken into
 * a core as if this many metres nearer; among member-less enterprises it is placed first.
 */
const MASS_ORG_PREFERENCE_M = 200;
/** A seed's neighbourhood in `packAroundSeeds`: its nearest this many leftovers. */
const NEIGHBOURHOOD_LIMIT = 48;

/** Lower is better: adjacent location first, then similar industry and size. */
function affinity(t: EnterpriseTable, a: number, b: number): number {
  const d = distanceBetween(t, a, b);
  const industry = t.industry[a] === t.industry[b] ? 0 : INDUSTRY_PENALTY_M;
  const size = Math.abs(Math.log1p(t.employees[a]) - Math.log1p(t.employees[b])) * SIZE_PENALTY_M;
  return (d === d ? d : 0) + industry + size;
}

function unitsLimit(rules: RuleProfile): number {
  return rules.jointMaxUnits > 0 ? rules.jointMaxUnits : Number.POSITIVE_INFINITY;
}

/** Whether `i` can join `members` (holding `total` members) under the unit, member and (if checked) distance limits; `skip` is left out of the group. */
function fits(s: PackState, members: readonly number[], total: number, i: number, spanChecked: boolean, skip = -1): boolean {
  const { rules, table } = s;
  const units = skip >= 0 ? members.length : members.length + 1;
  if (units > unitsLimit(rules)) return false;
  if (total + table.members[i] > rules.jointMaxMembers) return false;
  return !spanChecked || withinSpanOfAll(table, members, i, rules.jointMaxSpanM, skip);
}

function addToGroup(s: PackState, g: number, i: number): void {
  const group = s.groups[g];
  group.members.push(i);
  group.formal += s.table.formal[i];
  group.total += s.table.members[i];
  s.groupOf[i] = g;
}

function commitGroup(s: PackState, members: number[], placeKind: PlaceKind, spanChecked: boolean): number {
  const g = s.groups.length;
  s.groups.push({ members: [], formal: 0, total: 0, placeKind, spanChecked, alive: true });
  for (const i of members) addToGroup(s, g, i);
  return g;
}

/** Best group among `candidates` that `i` fits into, or -1. */
function bestGroupFor(s: PackState, i: number, candidates: Iterable<number>): number {
  let best = -1;
  let bestScore = Number.POSITIVE_INFINITY;
  const { table, rules } = s;
  const units = unitsLimit(rules);
  for (const g of candidates) {
    const group = s.groups[g];
    // The unit and member limits first (no arithmetic on coordinates), then the score (one
    // distance), and the distance limit (one per member) only for a better score.
    if (!group.alive || group.members.length === 0 || group.members.length + 1 > units || group.total + table.members[i] > rules.jointMaxMembers) continue;
    const score = affinity(table, group.members[0], i);
    if (score < bestScore && (!group.spanChecked || withinSpanOfAll(table, group.members, i, rules.jointMaxSpanM))) {
      bestScore = score;
      best = g;
    }
  }
  return best;
}

function tryMerge(s: PackState, a: number, b: number): boolean {
  const ga = s.groups[a];
  const gb = s.groups[b];
  const { rules, table } = s;
  if (ga.members.length + gb.members.length > unitsLimit(rules)) return false;
  if (ga.total + gb.total > rules.jointMaxMembers) return false;
  if (ga.spanChecked || gb.spanChecked) {
    for (const m of gb.members) if (!withinSpanOfAll(table, ga.members, m, rules.jointMaxSpanM)) return false;
  }
  for (const m of gb.members) addToGroup(s, a, m);
  gb.members = [];
  gb.formal = 0;
  gb.total = 0;
  gb.alive = false;
  return true;
}

export interface PackOptions {
  placeKind: PlaceKind;
  spanChecked: boolean;
}

/** Packs the still-unassigned enterprises of `pool` into new joint branches. */
export function packPool(s: PackState, pool: readonly number[], options: PackOptions): void {
  const { table, rules, groupOf } = s;
  const pending = pool.filter((i) => groupOf[i] < 0);
  const suppliers = pending.filter((i) => table.formal[i] > 0).sort((a, b) => table.formal[b] - table.formal[a] || massFirst(table, a, b) || a - b);
  let formalAvailable = 0;
  for (const i of suppliers) formalAvailable += table.formal[i];
  if (formalAvailable < rules.jointMinFormal) return;

  const created: number[] = [];
  const inCore = new Set<number>();
  for (const seed of suppliers) {
    if (groupOf[seed] >= 0) continue;
    const core = [seed];
    inCore.add(seed);
    let formal = table.formal[seed];
    let total = table.members[seed];
    while (formal < rules.jointMinFormal) {
      const need = rules.jointMinFormal - formal;
      let best = -1;
      let bestScore = Number.POSITIVE_INFINITY;
      for (const c of suppliers) {
        if (groupOf[c] >= 0 || inCore.has(c) || !fits(s, core, total, c, options.spanChecked)) continue;
        const overshoot = Math.max(0, table.formal[c] - need);
        const score = overshoot * OVERSHOOT_PENALTY + affinity(table, seed, c) - (table.massOrg[c] ? MASS_ORG_PREFERENCE_M : 0);
        if (score < bestScore) {
          bestScore = score;
          best = c;
        }
      }
      if (best < 0) break;
      core.push(best);
      inCore.add(best);
      formal += table.formal[best];
      total += table.members[best];
    }
    for (const m of core) inCore.delete(m);
    if (formal >= rules.jointMinFormal) created.push(commitGroup(s, core, options.placeKind, options.spanChecked));
  }
  if (created.length === 0) return;

  const rest = byPlacementOrder(table, pending.filter((i) => groupOf[i] < 0));
  for (const i of rest) {
    const g = bestGroupFor(s, i, created);
    if (g >= 0) addToGroup(s, g, i);
  }

  created.sort((a, b) => s.groups[a].members.length - s.groups[b].members.length || a - b);
  for (let x = 0; x < created.length; x++) {
    if (!s.groups[created[x]].alive) continue;
    for (let y = x + 1; y < created.length; y++) {
      if (s.groups[created[y]].alive) tryMerge(s, created[x], created[y]);
    }
  }
}

/** Enterprises with a mass organization before those without (a sort tie-break). */
function massFirst(table: EnterpriseTable, a: number, b: number): number {
  return (table.massOrg[a] ? 0 : 1) - (table.massOrg[b] ? 0 : 1);
}

/** Member-less enterprises first (those with a mass organization, then largest first), then those with members: the order leftovers are placed in. */
function byPlacementOrder(table: EnterpriseTable, indices: number[]): number[] {
  return indices.sort((a, b) => (table.formal[a] > 0 ? 1 : 0) - (table.formal[b] > 0 ? 1 : 0) || massFirst(table, a, b) || table.employees[b] - table.employees[a] || a - b);
}

/**
 * Whether the unassigned mapped enterprises of `candidates` hold the formal members of one branch:
 * when they do not, no pass over them (cells, seeds) can form one, and it is skipped.
 */
export function canFormBranch(s: PackState, candidates: readonly number[]): boolean {
  const { table, groupOf, rules } = s;
  let formal = 0;
  for (const i of candidates) {
    if (groupOf[i] >= 0 || !isMapped(table, i)) continue;
    formal += table.formal[i];
    if (formal >= rules.jointMinFormal) return true;
  }
  return false;
}

/** Unassigned mapped enterprises of `candidates`. */
function pendingOf(s: PackState, candidates: readonly number[]): number[] {
  return candidates.filter((i) => s.groupOf[i] < 0 && isMapped(s.table, i));
}

/**
 * Up to `perGroup` members of each live distance-checked branch (optionally only branches with a
 * free unit): a tree over them finds every branch an enterprise could join, since joining needs every
 * member within the distance limit, so in particular the first ones.
 */
function placedMembers(s: PackState, perGroup: number, withRoomOnly = false): number[] {
  const limit = unitsLimit(s.rules);
  const out: number[] = [];
  for (const g of s.groups) {
    if (!g.alive || !g.spanChecked || (withRoomOnly && g.members.length >= limit)) continue;
    for (let k = 0; k < Math.min(perGroup, g.members.length); k++) out.push(g.members[k]);
  }
  return out;
}

/** Per pack state: a mark per group, for de-duplicating without a Set per query. */
const groupMarks = new WeakMap<PackState, { marks: Uint32Array; epoch: number }>();

/** The groups with a member in `tree` near `i`, each once, in the order their members are found (as a Set would give them). */
function groupsNear(s: PackState, tree: PointTree, i: number, leaveOut = -1): number[] {
  let scratch = groupMarks.get(s);
  if (!scratch || scratch.marks.length < s.groups.length) groupMarks.set(s, (scratch = { marks: new Uint32Array(Math.max(1024, s.groups.length * 2)), epoch: 0 }));
  const epoch = ++scratch.epoch;
  const { marks } = scratch;
  const out: number[] = [];
  for (const m of tree.near(i, s.rules.jointMaxSpanM)) {
    const g = s.groupOf[m];
    if (g === leaveOut) continue;
    if (g < 0) {
      if (!out.includes(g)) out.push(g);
    } else if (marks[g] !== epoch) {
      marks[g] = epoch;
      out.push(g);
    }
  }
  return out;
}

/**
 * Puts each of `candidates` that is still unassigned into an existing branch within the distance
 * limit that has room for it (no new branch is formed). Groups are found through a k-d tree over
 * the members already placed, so the pass is near-linear.
 */
export function insertIntoNearbyGroups(s: PackState, candidates: readonly number[]): void {
  const pending = pendingOf(s, candidates);
  if (pending.length === 0) return;
  // Branches only gain members in this pass, so each one's first member stays in it.
  const tree = pointTree(s.table, placedMembers(s, 1));
  if (tree.size === 0) return;
  for (const i of byPlacementOrder(s.table, pending)) {
    const g = bestGroupFor(s, i, groupsNear(s, tree, i));
    if (g >= 0) addToGroup(s, g, i);
  }
}

/** Room for the row number of a cell beside its column in one key (rows of ≥ 1 m cells stay within ±10⁷). */
const CELL_ROW_SPAN = 2 ** 25;

/** Splits enterprises into square cells of `cellM` metres (offset by `shiftM`): each cell's span stays under the cell's diagonal. */
export function splitByCells(table: EnterpriseTable, indices: readonly number[], cellM: number, shiftM: number): number[][] {
  const mapped = indices.filter((i) => isMapped(table, i));
  if (mapped.length === 0) return [];
  const proj = localProjection(table.lat[mapped[0]]);
  // A cell's key is one number while the row index stays small enough to pack beside the column (any cell of a metre or more).
  const numeric = cellM >= 1;
  const cells = new Map<string | number, number[]>();
  for (const i of mapped) {
    const cx = Math.floor((proj.x(table.lon[i]) + shiftM) / cellM);
    const cy = Math.floor((proj.y(table.lat[i]) + shiftM) / cellM);
    const key = numeric ? cx * CELL_ROW_SPAN + cy : `${cx}:${cy}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = []));
    cell.push(i);
  }
  return [...cells.values()];
}

/**
 * Packs the leftovers around each leftover member-carrying enterprise, with neighbourhoods instead
 * of grid cells, so that no cell border keeps two near enterprises apart.
 */
export function packAroundSeeds(s: PackState, candidates: readonly number[], placeKind: PlaceKind): void {
  const { table, rules, groupOf } = s;
  if (!canFormBranch(s, candidates)) return;
  const pending = pendingOf(s, candidates);
  const tree = pointTree(table, pending);
  const seeds = pending.filter((i) => table.formal[i] > 0).sort((a, b) => table.formal[b] - table.formal[a] || massFirst(table, a, b) || a - b);
  for (const seed of seeds) {
    if (groupOf[seed] >= 0) continue;
    const around = tree
      .near(seed, rules.jointMaxSpanM)
      .filter((i) => groupOf[i] < 0 && i !== seed)
      .map((i) => [i, distanceBetween(table, seed, i)] as const)
      .filter(([, d]) => d <= rules.jointMaxSpanM)
      .sort((a, b) => a[1] - b[1])
      .slice(0, NEIGHBOURHOOD_LIMIT)
      .map(([i]) => i);
    packPool(s, [seed, ...around], { placeKind, spanChecked: true });
  }
}

/**
 * Makes room for a leftover in a full branch nearby by moving one member of that branch (one whose
 * formal members the branch can spare) to another branch near it that has room (one ejection step).
 *
 * Near-linear: the branches a member could move to come from a tree over the members of branches
 * with a free unit, and a member once found with nowhere to go is not asked again (branches only
 * fill up during the pass, and a branch that gains a member never gets easier to join).
 */
export function insertWithEjection(s: PackState, candidates: readonly number[]): void {
  const { table, rules } = s;
  const pending = pendingOf(s, candidates);
  if (pending.length === 0) return;
  // Every member but the one moved out must lie near the newcomer: so one of the first two does.
  // (A branch whose first members have both moved out by then is not found again: a missed chance, never a wrong move.)
  const tree = pointTree(table, placedMembers(s, 2));
  const roomTree = pointTree(table, placedMembers(s, 2, true));
  if (tree.size === 0 || roomTree.size === 0) return;
  const nowhereToGo = new Uint8Array(table.count);
  // Branches none of whose members can move (until the branch changes).
  const stuck = new Uint8Array(s.groups.length);
  const tryEject = (x: number, g: number): boolean => {
    const group = s.groups[g];
    if (stuck[g] || !group.alive || !group.spanChecked) return false;
    // Only members that may move and may still have somewhere to go are worth a look …
    let movable = 0;
    for (const y of group.members) if (!nowhereToGo[y] && !(table.formal[y] > 0 && group.formal - table.formal[y] < rules.jointMinFormal)) movable++;
    if (movable === 0) {
      stuck[g] = 1;
      return false;
    }
    // … and x must lie within the limit of every member but the one it replaces: with two or more
    // too far there is nothing to try, with one only that one may move.
    let far = -1;
    for (const m of group.members) {
      if (distanceBetween(table, m, x) <= rules.jointMaxSpanM) continue;
      if (far >= 0) return false;
      far = m;
    }
    for (const y of group.members) {
      if ((far >= 0 && y !== far) || nowhereToGo[y]) continue;
      if (table.formal[y] > 0 && group.formal - table.formal[y] < rules.jointMinFormal) continue;
      if (!fits(s, group.members, group.total - table.members[y], x, true, y)) continue;
      const targets = groupsNear(s, roomTree, y, g);
      const g2 = bestGroupFor(s, y, targets);
      if (g2 < 0) {
        nowhereToGo[y] = 1;
        continue;
      }
      removeFromGroup(s, g, y);
      addToGroup(s, g2, y);
      addToGroup(s, g, x);
      stuck[g] = stuck[g2] = 0;
      return true;
    }
    return false;
  };
  for (const x of pending) {
    for (const g of groupsNear(s, tree, x)) if (tryEject(x, g)) break;
  }
}

function removeFromGroup(s: PackState, g: number, i: number): void {
  const group = s.groups[g];
  group.members = group.members.filter((m) => m !== i);
  group.formal -= s.table.formal[i];
  group.total -= s.table.members[i];
  s.groupOf[i] = -1;
}
