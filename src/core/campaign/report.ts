/**
 * The planning report with the campaign's additions (issue 16; documented in the README as additions to
 * lianjian.plan/1): per area and in the summary the counts members_elsewhere, members_transferred,
 * mass_org_no_party, key_enterprises, and what_if_transfers { pending_members, own_org, joint_branches,
 * must_cover }; at the top, what_if_transfers_enterprise_ids and what_if_transfers_roles (which enterprises
 * carry N, M and K, so that the figures follow any filter).
 */
import type { Dataset } from '../model/types';
import type { PlanReport, WhatIfFigures } from '../model/report';
import type { PlanResult } from '../plan';
import { campaignFigures } from './members';
import { transferWhatIf, type TransferWhatIf } from './what-if';

/** `whatIf` null: the counts only (the app shows the plan first and adds the what-if, a second plan, after). */
export function withCampaignFigures(dataset: Dataset, base: PlanResult, whatIf: TransferWhatIf | null = transferWhatIf(dataset, base)): PlanReport {
  const { total, areas } = campaignFigures(dataset.enterprises, dataset.areas.length, base.district, base.street);
  const byId = new Map(dataset.areas.map((a, k) => [a.id, k]));
  if (!whatIf) {
    return { ...base.report, summary: { ...base.report.summary, ...total }, areas: base.report.areas.map((row) => { const k = byId.get(row.id); return k === undefined ? row : { ...row, ...areas[k] }; }) };
  }
  const whatIfById = new Map(whatIf.areas.map((a) => [a.id, a]));
  const { report } = base;
  const figuresOf = (w: WhatIfFigures): WhatIfFigures => ({ pending_members: w.pending_members, own_org: w.own_org, joint_branches: w.joint_branches, must_cover: w.must_cover });
  return {
    ...report,
    summary: { ...report.summary, ...total, what_if_transfers: figuresOf(whatIf) },
    areas: report.areas.map((row) => {
      const k = byId.get(row.id);
      const w = whatIfById.get(row.id);
      if (k === undefined || !w) return row;
      return { ...row, ...areas[k], what_if_transfers: figuresOf(w) };
    }),
    what_if_transfers_enterprise_ids: whatIf.enterprise_ids,
    what_if_transfers_roles: whatIf.roles,
  };
}
