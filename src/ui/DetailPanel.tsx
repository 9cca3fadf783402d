/** The clicked enterprise: its six-clears fields, coverage and the recommendation it is in. All text, never HTML. */
import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { EnterpriseEditForm } from './EnterpriseEditForm';
import { EnterpriseHistory } from './EnterpriseHistory';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store';
import { recommendationOfEnterprise } from '../state/selectors';
import { COVERAGE_CATEGORY_KEYS } from '../core/coverage/category';
import { CATEGORY_COLORS, cssColor } from '../map/layers/palette';
import { checkCharacter, checkCreditCode } from '../core/io/credit-code';
import { areaNameOf, recommendationName, statusLabel } from './names';
import { useCapabilities } from '../state/capabilities';
import { Guarded } from './staff/Guarded';
import { CampaignDetail } from './campaign/CampaignDetail';

export function DetailPanel() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const index = useAppStore((s) => s.selectedEnterprise);
  const select = useAppStore((s) => s.selectEnterprise);
  const selectRecommendation = useAppStore((s) => s.selectRecommendation);
  const canEdit = useAppStore((s) => s.canWrite);
  const capabilities = useCapabilities();
  const [editing, setEditing] = useState<string | null>(null);
  if (!view || index === null) return null;
  const e = view.enterprises[index] as (typeof view.enterprises)[number] & { version?: number };
  const category = view.categories[index];
  const yesNo = (v: boolean | null) => (v === null ? t('detail.unknown') : v ? t('detail.yes') : t('detail.no'));
  const value = (v: string | number | null) => (v === null || v === '' ? t('detail.unknown') : String(v));
  const rec = recommendationOfEnterprise(view, e.id);
  // The store keeps area codes (330109 330109105): people read 萧山区 · 临浦镇.
  const districtName = view.district[index] >= 0 ? view.areaList[view.district[index]].name : e.district ? areaNameOf(view, e.district) : '';
  const streetName = view.street[index] >= 0 ? view.areaList[view.street[index]].name : e.street ? areaNameOf(view, e.street) : '';
  // A bad credit code is kept as it came, with a visible warning.
  const check = e.creditCode ? checkCreditCode(e.creditCode) : 'ok';
  const codeCheck = check === 'format' ? t('validation.creditCodeFormat') : check === 'check_digit' ? t('validation.creditCode', { expected: checkCharacter(e.creditCode.slice(0, 17)) }) : null;
  const building = view.building[index] >= 0 ? String(view.buildings.features[view.building[index]].properties?.name ?? '') : t('detail.none');
  const zone = view.zone[index] >= 0 ? String(view.zones.features[view.zone[index]].properties?.name ?? '') : t('detail.none');
  return (
    <Card
      size="small"
      className="detail-panel"
      data-testid="detail-panel"
      title={t('detail.title')}
      extra={
        <Space>
          {canEdit && e.version !== undefined && editing !== e.id ? <Guarded capability={capabilities.enterprise(e)}><Button size="small" onClick={() => setEditing(e.id)} data-testid="detail-edit">{t('detail.edit')}</Button></Guarded> : null}
          <Button size="small" onClick={() => select(null)}>{t('detail.close')}</Button>
        </Space>
      }
    >
      {editing === e.id ? <EnterpriseEditForm key={e.id} enterprise={e} onDone={() => setEditing(null)} /> : null}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('detail.name')}><span data-testid="detail-name">{e.name}</span></Descriptions.Item>
        <Descriptions.Item label={t('detail.coverage')}>
          <Tag color={cssColor(CATEGORY_COLORS[category])}>{t(`coverage.${COVERAGE_CATEGORY_KEYS[category]}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.creditCode')}>
          <span data-testid="detail-credit-code">{value(e.creditCode)}</span>
          {codeCheck ? <Typography.Text type="warning" className="field-warning" data-testid="detail-credit-warning">{codeCheck}</Typography.Text> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.area')}>
          <span data-testid="detail-area">{[districtName, streetName].filter(Boolean).join(' · ') || t('detail.unknown')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.address')}>{value(e.address)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.employees')}><span data-testid="detail-employees">{value(e.employees)}</span></Descriptions.Item>
        <Descriptions.Item label={t('detail.partyMembers')}><span data-testid="detail-party-members">{value(e.partyMembers)}</span></Descriptions.Item>
        <Descriptions.Item label={t('detail.probationaryMembers')}>{value(e.probationaryMembers)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.registeredCapital')}>{value(e.registeredCapital)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.industry')}>{value(e.industry)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.status')}>{e.status ? statusLabel(t, e.status) : t('detail.unknown')}</Descriptions.Item>
        <Descriptions.Item label={t('detail.ownerIsMember')}>{yesNo(e.ownerIsMember)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.org')}><span data-testid="detail-org">{e.orgId ? view.organizationNames[e.orgId] ?? e.orgId : t('detail.none')}</span></Descriptions.Item>
        <Descriptions.Item label={t('detail.workCovered')}>{yesNo(e.workCovered)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.building')}>{building}</Descriptions.Item>
        <Descriptions.Item label={t('detail.zone')}>{zone}</Descriptions.Item>
        <Descriptions.Item label={t('detail.recommendation')}>
          {rec ? <Button type="link" size="small" className="link-wrap" onClick={() => selectRecommendation(rec.id)} data-testid="detail-recommendation">{recommendationName(rec)}</Button> : t('detail.none')}
        </Descriptions.Item>
      </Descriptions>
      <CampaignDetail enterprise={e} />
      {e.version !== undefined ? <EnterpriseHistory enterpriseId={e.id} version={e.version} /> : null}
    </Card>
  );
}
