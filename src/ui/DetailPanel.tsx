/** The clicked enterprise: its six-clears fields, coverage and the recommendation it is in. All text, never HTML. */
import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { EnterpriseEditForm } from './EnterpriseEditForm';
import { EnterpriseHistory } from './EnterpriseHistory';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store';
import { recommendationOfEnterprise } from '../state/selectors';
import { COVERAGE_CATEGORY_KEYS } from '../core/coverage/category';
import { CATEGORY_COLORS, cssColor } from '../map/layers/palette';

export function DetailPanel() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const index = useAppStore((s) => s.selectedEnterprise);
  const select = useAppStore((s) => s.selectEnterprise);
  const selectRecommendation = useAppStore((s) => s.selectRecommendation);
  const canEdit = useAppStore((s) => s.repository !== null);
  const [editing, setEditing] = useState<string | null>(null);
  if (!view || index === null) return null;
  const e = view.enterprises[index] as (typeof view.enterprises)[number] & { version?: number };
  const category = view.categories[index];
  const yesNo = (v: boolean | null) => (v === null ? t('detail.unknown') : v ? t('detail.yes') : t('detail.no'));
  const value = (v: string | number | null) => (v === null || v === '' ? t('detail.unknown') : String(v));
  const rec = recommendationOfEnterprise(view, e.id);
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
          {canEdit && e.version !== undefined && editing !== e.id ? <Button size="small" onClick={() => setEditing(e.id)} data-testid="detail-edit">{t('detail.edit')}</Button> : null}
          <Button size="small" onClick={() => select(null)}>{t('detail.close')}</Button>
        </Space>
      }
    >
      {editing === e.id ? <EnterpriseEditForm key={`${e.id}:${e.version}`} enterprise={e} onDone={() => setEditing(null)} /> : null}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('detail.name')}><span data-testid="detail-name">{e.name}</span></Descriptions.Item>
        <Descriptions.Item label={t('detail.coverage')}>
          <Tag color={cssColor(CATEGORY_COLORS[category])}>{t(`coverage.${COVERAGE_CATEGORY_KEYS[category]}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.creditCode')}>{value(e.creditCode)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.district')}>{value(e.district)} {value(e.street)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.address')}>{value(e.address)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.employees')}><span data-testid="detail-employees">{value(e.employees)}</span></Descriptions.Item>
        <Descriptions.Item label={t('detail.partyMembers')}>{value(e.partyMembers)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.probationaryMembers')}>{value(e.probationaryMembers)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.registeredCapital')}>{value(e.registeredCapital)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.industry')}>{value(e.industry)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.status')}>{value(e.status)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.ownerIsMember')}>{yesNo(e.ownerIsMember)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.org')}>{e.orgId || t('detail.none')}</Descriptions.Item>
        <Descriptions.Item label={t('detail.workCovered')}>{yesNo(e.workCovered)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.building')}>{building}</Descriptions.Item>
        <Descriptions.Item label={t('detail.zone')}>{zone}</Descriptions.Item>
        <Descriptions.Item label={t('detail.recommendation')}>
          {rec ? <Button type="link" size="small" onClick={() => selectRecommendation(rec.id)}>{`${t(`recommend.kind.${rec.kind}`)} ${rec.id}`}</Button> : t('detail.none')}
        </Descriptions.Item>
      </Descriptions>
      {e.version !== undefined ? <EnterpriseHistory enterpriseId={e.id} version={e.version} /> : null}
    </Card>
  );
}
