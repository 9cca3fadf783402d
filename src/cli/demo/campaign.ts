/**
 * The campaign's working methods in the demo data (issue 16), drawn from their own random stream after
 * the rest is generated, so no earlier draw (and no earlier figure) changes, and partyMembers stays as it
 * was (members already transferred are among the formal members; those still elsewhere are not):
 *   Hangzhou: 4,840 members whose relationship is held elsewhere working in the districts' enterprises,
 *             with the source's split (上城区 620, 下城区 830, 江干区 600, 拱墅区 590, 西湖区 1,720, the other
 *             eight 400 between them), 820 of them transferred from the 市人才中心; mass organizations
 *             (拱墅区 tracked the enterprises with one and no Party organization: more of them there); key
 *             enterprises (亿元以上 by registered capital, 优势成长型, and the 103 双重管理 enterprises);
 *   Linpu:    60 members elsewhere (12 transferred), mass organizations, the 双强 key enterprises.
 */
import type { Area, Dataset, Enterprise } from '../../core/model/types';
import { createRandom, type Random } from '../../core/util/random';
import { isOperating } from '../../core/model/scope';
import { derivedTransferStatus } from '../../core/campaign/members';
import { demoLeader } from './leaders';

export interface CampaignProfile {
  seed: number;
  /** Members elsewhere per district code. */
  elsewhere: Record<string, number>;
  /** Of them transferred (from the 市人才中心), in all; spread over the districts by their share. */
  transferred: number;
  /** Mass-organization chances (per enterprise with 10+ employees), and in the districts named more. */
  massOrg: { union: number; youth: number; women: number; boost: Record<string, number> };
  /** Dual-managed enterprises (双重管理), city-wide. */
  dualManaged: number;
  /** 优势成长型: chance for an enterprise with 50–300 employees. */
  growth: number;
}

export const HANGZHOU_CAMPAIGN: CampaignProfile = {
  seed: 20111110,
  elsewhere: {
    '330102': 620, '330103': 830, '330104': 600, '330105': 590, '330106': 1720,
    '330108': 150, '330109': 110, '330110': 100, '330183': 40, '330185': 35, '330122': 20, '330127': 10, '330182': 15,
  },
  transferred: 820,
  massOrg: { union: 0.3, youth: 0.12, women: 0.08, boost: { '330105': 2.2 } },
  dualManaged: 103,
  growth: 0.03,
};

export const LINPU_CAMPAIGN: CampaignProfile = {
  seed: 20111111,
  elsewhere: { '330109': 60 },
  transferred: 12,
  massOrg: { union: 0.35, youth: 0.15, women: 0.1, boost: {} },
  dualManaged: 0,
  growth: 0.08,
};

/** Largest remainder: `total` split by `weights` into whole numbers that add up exactly. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (sum === 0 ? 0 : (w / sum) * total));
  const out = raw.map(Math.floor);
  const order = raw.map((r, k) => [r - Math.floor(r), k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; out.reduce((s, c) => s + c, 0) < total; k++) out[order[k % order.length][1]]++;
  return out;
}

/** A weighted random order (Efraimidis–Spirakis keys): larger weights come first more often. */
function weightedOrder(rng: Random, items: readonly number[], weight: (i: number) => number): number[] {
  return items.map((i) => [i, Math.log(Math.max(rng.next(), 1e-12)) / Math.max(weight(i), 1e-9)] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([i]) => i);
}

const day = (rng: Random, from: string, days: number) => {
  const t = new Date(`${from}T00:00:00Z`).getTime() + rng.int(0, days) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
};

export function withDemoCampaign(dataset: Dataset, profile: CampaignProfile): Dataset {
  const rng = createRandom(profile.seed);
  const enterprises: Enterprise[] = dataset.enterprises.map((e) => ({ ...e }));
  const districtCode = new Map<string, string>();
  for (const a of dataset.areas as Area[]) if (a.level === 'district') districtCode.set(a.name, a.id).set(a.id, a.id);
  const codeOf = (e: Enterprise) => districtCode.get(e.district) ?? '';
  const operating = enterprises.map((e, i) => [e, i] as const).filter(([e]) => isOperating(e.status));

  // Members elsewhere, per district, in enterprises weighted by size.
  const codes = Object.keys(profile.elsewhere);
  const transferredBy = apportion(profile.transferred, codes.map((c) => profile.elsewhere[c]));
  codes.forEach((code, k) => {
    let left = profile.elsewhere[code];
    const pool = operating.filter(([e]) => codeOf(e) === code).map(([, i]) => i);
    const chosen: number[] = [];
    for (const i of weightedOrder(rng, pool, (i) => Math.sqrt(1 + (enterprises[i].employees ?? 0)))) {
      if (left <= 0) break;
      const n = Math.min(left, 1 + Math.min(5, rng.poisson((enterprises[i].employees ?? 0) / 60)));
      enterprises[i].membersElsewhere = n;
      enterprises[i].membersTransferred = 0;
      left -= n;
      chosen.push(i);
    }
    // Transferred ones are among the formal members already: only where the enterprise has that many.
    let transfer = transferredBy[k];
    for (const i of weightedOrder(rng, chosen.filter((i) => (enterprises[i].partyMembers ?? 0) > 0), () => 1)) {
      if (transfer <= 0) break;
      const e = enterprises[i];
      const n = Math.min(transfer, e.membersElsewhere ?? 0, e.partyMembers ?? 0);
      e.membersTransferred = n;
      transfer -= n;
    }
    for (const i of chosen) {
      const e = enterprises[i];
      const places = (e.membersTransferred ?? 0) > 0 ? ['市人才中心'] : [];
      if ((e.membersElsewhere ?? 0) > (e.membersTransferred ?? 0)) {
        const p = rng.weighted(['流动人员党委', '市人才中心', '原籍'], [0.6, 0.25, 0.15]);
        if (!places.includes(p)) places.push(p);
        if ((e.membersElsewhere ?? 0) - (e.membersTransferred ?? 0) > 1 && rng.chance(0.2) && !places.includes('原籍')) places.push('原籍');
      }
      e.membersElsewhereAt = places.join(';');
      let status = derivedTransferStatus(e.membersElsewhere, e.membersTransferred);
      if (status === 'pending' && rng.chance(0.2)) status = 'in_progress';
      e.transferStatus = status;
      e.transferOn = status === 'pending' ? null : day(rng, '2011-09-01', 68);
    }
  });

  // Mass organizations: stated (yes / no) for enterprises with 10+ employees, unknown for the rest.
  for (const [e] of operating) {
    if ((e.employees ?? 0) < 10) continue;
    const boost = profile.massOrg.boost[codeOf(e)] ?? 1;
    const big = (e.employees ?? 0) >= 25 ? 1 : 0.4;
    e.tradeUnion = rng.chance(Math.min(0.95, profile.massOrg.union * boost * big));
    e.youthLeague = rng.chance(Math.min(0.9, profile.massOrg.youth * boost * big));
    e.womensFederation = rng.chance(Math.min(0.9, profile.massOrg.women * boost * big));
  }

  // Key enterprises: 亿元以上 by registered capital (≥ 10,000 万元), 优势成长型, and the 双重管理 ones.
  for (const [e] of operating) {
    if ((e.registeredCapital ?? 0) >= 10_000) e.keyCategory = '亿元以上';
    else if ((e.employees ?? 0) >= 50 && (e.employees ?? 0) <= 300 && rng.chance(profile.growth)) e.keyCategory = '优势成长型';
  }
  const large = operating.filter(([e]) => (e.employees ?? 0) >= 100 && !e.keyCategory).map(([, i]) => i);
  for (const i of weightedOrder(rng, large, () => 1).slice(0, profile.dualManaged)) enterprises[i].keyCategory = '双重管理';
  for (const e of enterprises) {
    if (e.keyCategory) e.liaison = demoLeader(`liaison:${e.id}`);
  }
  return { ...dataset, enterprises };
}
