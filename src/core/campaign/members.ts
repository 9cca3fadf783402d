/**
 * The campaign's register facts per enterprise (issue 16): members whose Party relationship is held
 * elsewhere and their transfer (理顺党员组织关系), mass organizations (党群联动) and key enterprises
 * (结对联系). One place for what each figure counts; the SQL figures (private.campaign_area_figures)
 * count the same.
 */
import type { Enterprise, TransferStatus } from '../model/types';
import { isOperating } from '../model/scope';

/** The places a relationship is held that the source names; anything else is kept as written ("other"). */
export const ELSEWHERE_PLACES = ['市人才中心', '流动人员党委', '原籍'] as const;

const PLACE_SPELLINGS: Record<string, (typeof ELSEWHERE_PLACES)[number]> = {
  市人才中心: '市人才中心', 人才中心: '市人才中心', 人才交流中心: '市人才中心', 市人才交流中心: '市人才中心', talent_centre: '市人才中心', talent_center: '市人才中心',
  流动人员党委: '流动人员党委', 市流动人员党委: '流动人员党委', 流动党员党委: '流动人员党委', 流动党委: '流动人员党委', floating_committee: '流动人员党委', floating: '流动人员党委',
  原籍: '原籍', 户籍地: '原籍', 老家: '原籍', 家乡: '原籍', home_town: '原籍', hometown: '原籍',
};

/** 组织关系所在 as stored: the known places in their canonical names, others as written, ';'-separated, no repeats. */
export function normalizeElsewherePlaces(text: string): string {
  const out: string[] = [];
  for (const part of text.split(/[;；,，、/]/)) {
    const p = part.trim();
    if (!p) continue;
    const name = PLACE_SPELLINGS[p] ?? PLACE_SPELLINGS[p.toLowerCase().replace(/[\s-]+/g, '_')] ?? p;
    if (!out.includes(name)) out.push(name);
  }
  return out.join(';');
}

export const TRANSFER_STATUSES: readonly TransferStatus[] = ['pending', 'in_progress', 'done'];
const STATUS_SPELLINGS: Record<string, TransferStatus> = {
  pending: 'pending', 待转接: 'pending', 未转接: 'pending', 待转: 'pending',
  in_progress: 'in_progress', 转接中: 'in_progress', 办理中: 'in_progress', 'in progress': 'in_progress',
  done: 'done', 已转接: 'done', 已转入: 'done', 完成: 'done', 已完成: 'done',
};

/** A written status → its code; null for blank, undefined for a spelling no one uses. */
export function parseTransferStatus(text: string): TransferStatus | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  return STATUS_SPELLINGS[t];
}

/** The status an enterprise has when none was written: from its counts (as the SQL does on import). */
export function derivedTransferStatus(elsewhere: number | null | undefined, transferred: number | null | undefined): TransferStatus | null {
  const found = elsewhere ?? 0;
  if (found <= 0) return null;
  const moved = transferred ?? 0;
  return moved >= found ? 'done' : moved > 0 ? 'in_progress' : 'pending';
}

/** Members still elsewhere: found elsewhere and not yet transferred. */
export function pendingTransfers(e: Pick<Enterprise, 'membersElsewhere' | 'membersTransferred'>): number {
  return Math.max(0, (e.membersElsewhere ?? 0) - (e.membersTransferred ?? 0));
}

export type MassOrg = 'union' | 'youth_league' | 'womens_federation';

/** The mass organizations an enterprise has (工会, 共青团, 妇联), in that order. */
export function massOrgsOf(e: Pick<Enterprise, 'tradeUnion' | 'youthLeague' | 'womensFederation'>): MassOrg[] {
  const out: MassOrg[] = [];
  if (e.tradeUnion === true) out.push('union');
  if (e.youthLeague === true) out.push('youth_league');
  if (e.womensFederation === true) out.push('womens_federation');
  return out;
}

/** 已建群团未建党组织: an operating enterprise with a mass organization and no Party organization. */
export function isMassOrgWithoutParty(e: Enterprise): boolean {
  return isOperating(e.status) && e.orgId.trim() === '' && massOrgsOf(e).length > 0;
}

export function isKeyEnterprise(e: Pick<Enterprise, 'keyCategory'>): boolean {
  return (e.keyCategory ?? '').trim() !== '';
}

/** Whether any campaign field is stated (the exports carry the campaign columns only then). */
export function hasCampaignFields(e: Enterprise): boolean {
  return e.membersElsewhere !== undefined || e.membersElsewhereAt !== undefined || e.membersTransferred !== undefined || e.transferStatus !== undefined
    || e.transferOn !== undefined || e.tradeUnion !== undefined || e.youthLeague !== undefined || e.womensFederation !== undefined
    || e.keyCategory !== undefined || e.liaison !== undefined || e.registeredOn !== undefined;
}

/** The per-area counts of the report, the overview and the bulletin (operating enterprises only). */
export interface CampaignFigures {
  /** Members working in the area's enterprises whose relationship was found elsewhere (incl. transferred). */
  members_elsewhere: number;
  /** … of them transferred here. */
  members_transferred: number;
  /** Enterprises with a mass organization and no Party organization. */
  mass_org_no_party: number;
  /** Enterprises with a key-enterprise category. */
  key_enterprises: number;
}

export const emptyCampaignFigures = (): CampaignFigures => ({ members_elsewhere: 0, members_transferred: 0, mass_org_no_party: 0, key_enterprises: 0 });

function addCampaign(t: CampaignFigures, e: Enterprise): void {
  t.members_elsewhere += Math.max(0, e.membersElsewhere ?? 0);
  t.members_transferred += Math.max(0, e.membersTransferred ?? 0);
  if (e.orgId.trim() === '' && massOrgsOf(e).length > 0) t.mass_org_no_party++;
  if (isKeyEnterprise(e)) t.key_enterprises++;
}

/** The counts over the enterprises (where `mask[i]` is set, when given) and per area (index of `district` / `street`). */
export function campaignFigures(
  enterprises: readonly Enterprise[], areaCount: number, district: Int32Array, street: Int32Array, mask?: Uint8Array,
): { total: CampaignFigures; areas: CampaignFigures[] } {
  const total = emptyCampaignFigures();
  const areas = Array.from({ length: areaCount }, emptyCampaignFigures);
  for (let i = 0; i < enterprises.length; i++) {
    if (mask && !mask[i]) continue;
    const e = enterprises[i];
    if (!isOperating(e.status)) continue;
    addCampaign(total, e);
    if (district[i] >= 0) addCampaign(areas[district[i]], e);
    if (street[i] >= 0) addCampaign(areas[street[i]], e);
  }
  return { total, areas };
}
