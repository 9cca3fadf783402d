/** The overview's campaign figures for the scope and the transfer what-if over it (both follow the whole filter). */
import { Card, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanView } from '../../core/model/plan-view';
import { campaignFigures, type CampaignFigures } from '../../core/campaign/members';
import type { WhatIfFigures } from '../../core/model/report';
import { HeaderTip } from '../HeaderTip';
import { whatIfOver } from '../../core/campaign/what-if';
import { Flag } from '../../core/model/enterprise-table';
import { enterpriseIndexById } from '../../state/selectors';

const cache = new WeakMap<PlanView, Map<Uint8Array | null, CampaignFigures>>();

/** The counts over the enterprises the filter shows (memoized per view and mask). */
export function scopeCampaignFigures(view: PlanView, mask: Uint8Array | null): CampaignFigures {
  let byMask = cache.get(view);
  if (!byMask) cache.set(view, (byMask = new Map()));
  let figures = byMask.get(mask);
  if (!figures) {
    if (byMask.size > 8) byMask.clear();
    byMask.set(mask, (figures = campaignFigures(view.enterprises, view.areaList.length, view.district, view.street, mask ?? undefined).total));
  }
  return figures;
}

const whatIfCache = new WeakMap<PlanView, Map<Uint8Array, WhatIfFigures>>();

/**
 * The what-if over what the filter shows (every filter: area, industry, size, campaign lists, the screen …),
 * summed from the enterprises that carry it; the whole register's without a filter. Memoized per view and mask.
 */
export function whatIfOf(view: PlanView, mask: Uint8Array | null): WhatIfFigures | undefined {
  const whole = view.report.summary.what_if_transfers;
  const roles = view.report.what_if_transfers_roles;
  if (!whole || mask === null) return whole;
  // A report without the roles (written before them): the figures of the whole register are all there is.
  if (!roles) return whole;
  let byMask = whatIfCache.get(view);
  if (!byMask) whatIfCache.set(view, (byMask = new Map()));
  let figures = byMask.get(mask);
  if (!figures) {
    if (byMask.size > 8) byMask.clear();
    byMask.set(mask, (figures = whatIfOver(view.enterprises, (i) => (view.flags[i] & Flag.OPERATING) !== 0, roles, enterpriseIndexById(view), mask)));
  }
  return figures;
}

/** `computing`: members are still elsewhere and the what-if (planned after the plan itself) has not come yet. */
export function WhatIfLine({ figures, computing = false }: { figures: WhatIfFigures | undefined; computing?: boolean }) {
  const { t, i18n } = useTranslation();
  const num = (n: number) => n.toLocaleString(i18n.language);
  if (!figures && computing) return <Typography.Text type="secondary" data-testid="what-if-line">{t('campaign.overview.whatIfComputing')}</Typography.Text>;
  if (!figures || figures.pending_members === 0) return <Typography.Text type="secondary" data-testid="what-if-line">{t('campaign.overview.whatIfNone')}</Typography.Text>;
  return (
    <Typography.Text data-testid="what-if-line">
      {t('campaign.overview.whatIf', { pending: num(figures.pending_members), own: num(figures.own_org), joint: num(figures.joint_branches), mustCover: num(figures.must_cover) })}
    </Typography.Text>
  );
}

export function CampaignOverview({ view, mask }: { view: PlanView; mask: Uint8Array | null }) {
  const { t, i18n } = useTranslation();
  const f = scopeCampaignFigures(view, mask);
  const fmt = (n: number | string) => Number(n).toLocaleString(i18n.language);
  return (
    <Card size="small" title={t('campaign.overview.title')} data-testid="campaign-overview">
      <Space size={18} wrap>
        <Statistic title={<HeaderTip label={t('campaign.overview.elsewhere')} tip={t('campaign.overview.helpElsewhere')} />} value={f.members_elsewhere} formatter={fmt} data-testid="campaign-elsewhere" />
        <Statistic title={t('campaign.overview.transferred')} value={f.members_transferred} formatter={fmt} data-testid="campaign-transferred" />
        <Statistic title={<HeaderTip label={t('campaign.overview.massOrgNoParty')} tip={t('campaign.overview.helpMass')} />} value={f.mass_org_no_party} formatter={fmt} data-testid="campaign-mass-org" />
        <Statistic title={t('campaign.overview.key')} value={f.key_enterprises} formatter={fmt} data-testid="campaign-key" />
      </Space>
      <div className="campaign-what-if">
        <WhatIfLine figures={whatIfOf(view, mask)} computing={view.report.summary.what_if_transfers === undefined && f.members_elsewhere > f.members_transferred} />
      </div>
    </Card>
  );
}
