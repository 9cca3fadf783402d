/** The enterprise's campaign facts in the detail panel: members elsewhere and their transfer, mass organizations, key enterprise. Names, not codes. */
import { Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../core/model/types';
import { pendingTransfers } from '../../core/campaign/members';
import { TransferAction } from './TransferAction';
import { joinNames } from '../names';

export function CampaignDetail({ enterprise: e }: { enterprise: Enterprise & { version?: number } }) {
  const { t } = useTranslation();
  const unknown = t('detail.unknown');
  const tri = (v: boolean | null | undefined) => (v === true ? t('campaign.tri.yes') : v === false ? t('campaign.tri.no') : t('campaign.tri.unknown'));
  const found = e.membersElsewhere;
  const elsewhere = found === null || found === undefined ? unknown
    : t('campaign.detail.elsewhereValue', { found, transferred: e.membersTransferred ?? 0, pending: pendingTransfers(e) });
  const status = e.transferStatus ? `${t(`campaign.transferStatus.${e.transferStatus}`)}${e.transferOn ? t('campaign.detail.transferOn', { date: e.transferOn }) : ''}` : t('campaign.transferStatus.none');
  const places = joinNames((e.membersElsewhereAt ?? '').split(';').filter(Boolean)) || unknown;
  return (
    <Descriptions size="small" column={1} bordered className="campaign-detail" data-testid="campaign-detail">
      <Descriptions.Item label={t('campaign.detail.elsewhere')}><span data-testid="detail-elsewhere">{elsewhere}</span></Descriptions.Item>
      <Descriptions.Item label={t('campaign.detail.elsewhereAt')}>{places}</Descriptions.Item>
      <Descriptions.Item label={t('campaign.detail.transfer')}>
        <Space size={6} wrap><span data-testid="detail-transfer-status">{status}</span><TransferAction enterprise={e} /></Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('campaign.detail.massOrgs')}>
        <span data-testid="detail-mass-orgs">{(['union', 'youth_league', 'womens_federation'] as const).map((k, i) => `${t(`campaign.massOrg.${k}`)} ${tri([e.tradeUnion, e.youthLeague, e.womensFederation][i])}`).join(' · ')}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('campaign.detail.keyCategory')}><span data-testid="detail-key-category">{e.keyCategory || t('campaign.detail.notKey')}</span></Descriptions.Item>
      <Descriptions.Item label={t('campaign.detail.liaison')}>{e.liaison || unknown}</Descriptions.Item>
      <Descriptions.Item label={t('campaign.detail.registeredOn')}>{e.registeredOn || unknown}</Descriptions.Item>
    </Descriptions>
  );
}
