/**
 * What a recommendation is called: an id derived from what it is (its kind, its place and its
 * members), so that it stays the same from one plan to the next while those do, and a name a person
 * can say in a meeting ("西湖文化广场 楼宇联合党支部（建议）").
 */
import type { OrgLevel } from '../model/types';

/** Length of the base-36 code in an id (≈ 41 bits: collisions are rare and then resolved by a suffix). */
const CODE_LENGTH = 8;

/** cyrb53: a fast 53-bit string hash (public domain), enough to tell recommendations apart. */
function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A recommendation id as a 32-bit number, to compare two plans' groupings position by position (0: none). */
export function idKey(id: string): number {
  return (hash53(id) | 0) || 1;
}

/** A short stable code for a kind, a place and a set of members (order does not matter). */
export function stableCode(kind: string, place: string, memberIds: readonly string[]): string {
  const key = `${kind}|${place}|${[...memberIds].sort().join(',')}`;
  return hash53(key).toString(36).toUpperCase().padStart(CODE_LENGTH, '0').slice(-CODE_LENGTH);
}

/** Makes ids unique in the order given: a repeated id (a hash collision) gets "-2", "-3" … */
export function uniqueIds(ids: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  });
}

export interface RecName {
  zh: string;
  en: string;
}

const LEVEL_ZH: Record<OrgLevel, string> = { committee: '党委', general_branch: '党总支', branch: '党支部' };
const LEVEL_EN: Record<OrgLevel, string> = { committee: 'Party committee', general_branch: 'general Party branch', branch: 'Party branch' };
const ORDINAL_ZH = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinalZh = (n: number) => (n <= ORDINAL_ZH.length ? ORDINAL_ZH[n - 1] : String(n));

export const names = {
  standalone: (enterprise: string, level: OrgLevel): RecName => ({ zh: `${enterprise} ${LEVEL_ZH[level]}（建议）`, en: `${enterprise} ${LEVEL_EN[level]} (proposed)` }),
  building: (building: string): RecName => ({ zh: `${building} 楼宇联合党支部（建议）`, en: `${building} joint building branch (proposed)` }),
  buildingCluster: (building: string, count: number): RecName => ({ zh: `${building}等${count}栋楼宇 联合党支部（建议）`, en: `${building} and ${count - 1} neighbouring buildings joint branch (proposed)` }),
  buildingAndNearby: (building: string): RecName => ({ zh: `${building}及周边 联合党支部（建议）`, en: `${building} and surroundings joint branch (proposed)` }),
  zone: (zone: string): RecName => ({ zh: `${zone} 联合党支部（建议）`, en: `${zone} joint branch (proposed)` }),
  around: (enterprise: string, units: number): RecName => ({ zh: `${enterprise}等${units}家企业 联合党支部（建议）`, en: `${enterprise} and ${units - 1} neighbours joint branch (proposed)` }),
  association: (enterprise: string, units: number): RecName => ({ zh: `${enterprise}等${units}家小微企业 个私协会联合党支部（建议）`, en: `${enterprise} and ${units - 1} micro enterprises association branch (proposed)` }),
  workCoverage: (enterprise: string, units: number): RecName => ({ zh: `${enterprise}等${units}家企业 工作覆盖（选派党建指导员）（建议）`, en: `${enterprise} and ${units - 1} others: work coverage by an instructor (proposed)` }),
  buildingCommunity: (building: string, count: number): RecName => count > 1
    ? { zh: `${building}等${count}栋 楼宇社区党组织（建议）`, en: `${building} and ${count - 1} neighbouring buildings: building community organization (proposed)` }
    : { zh: `${building} 楼宇社区党组织（建议）`, en: `${building} building community organization (proposed)` },
  zoneOrg: (zone: string, level: OrgLevel): RecName => ({ zh: `${zone} ${LEVEL_ZH[level]}（建议）`, en: `${zone} ${LEVEL_EN[level]} (proposed)` }),
  newZone: (enterprise: string, units: number): RecName => ({ zh: `${enterprise}周边 新区域（${units}家企业集聚，区域联建）（建议）`, en: `New zone around ${enterprise} (${units} enterprises, area-based joint organization) (proposed)` }),
};

/**
 * Numbers names that several recommendations share ("… 楼宇第一联合党支部"), in the order of `order`
 * (a stable key such as the smallest member id); names used once stay as they are.
 */
export function distinctNames(list: readonly RecName[], order: readonly string[]): RecName[] {
  const groups = new Map<string, number[]>();
  list.forEach((n, k) => {
    const g = groups.get(n.zh);
    if (g) g.push(k);
    else groups.set(n.zh, [k]);
  });
  const out = [...list];
  for (const ks of groups.values()) {
    if (ks.length < 2) continue;
    ks.sort((a, b) => (order[a] < order[b] ? -1 : order[a] > order[b] ? 1 : a - b));
    ks.forEach((k, rank) => {
      const n = list[k];
      out[k] = {
        zh: n.zh.replace('联合党支部（建议）', `第${ordinalZh(rank + 1)}联合党支部（建议）`).replace(/（建议）$/, (m) => (n.zh.includes('联合党支部') ? m : `（${rank + 1}）${m}`)),
        en: `${n.en.replace(/ \(proposed\)$/, '')} no. ${rank + 1} (proposed)`,
      };
    });
  }
  return out;
}
