/** The overview's campaign figures for the scope (they follow the filter) and the transfer what-if for the chosen area. */
import { Card, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanView } from '../../core/model/plan-view';
import { campaignFigures, type CampaignFigures } from '../../core/campaign/members';
import type { WhatIfFigures } from '../../core/model/report';
import { HeaderTip } from '../HeaderTip';

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

/** The what-if of an area (or of the whole register). */
export function whatIfOf(view: PlanView, areaId: string | null): WhatIfFigures | undefined {
  return areaId ? view.report.areas.find((a) => a.id === areaId)?.what_if_transfers : view.report.summary.what_if_transfers;
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

export function CampaignOverview({ view, mask, areaId }: { view: PlanView; mask: Uint8Array | null; areaId: string | null }) {
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
        <WhatIfLine figures={whatIfOf(view, areaId)} computing={view.report.summary.what_if_transfers === undefined && f.members_elsewhere > f.members_transferred} />
      </div>
    </Card>
  );
}
