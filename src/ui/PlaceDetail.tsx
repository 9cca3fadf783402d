/** A building or zone chosen from the search list (or clicked on the map): its name, kind, figures. Text only. */
import { useMemo } from 'react';
import { Button, Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store';
import { useSearchStore } from '../state/search';
import { Flag } from '../core/model/enterprise-table';
import { formatPercent } from './format';

export function PlaceDetail() {
  const { t, i18n } = useTranslation();
  const view = useAppStore((s) => s.view);
  const enterpriseOpen = useAppStore((s) => s.selectedEnterprise !== null);
  const place = useSearchStore((s) => s.place);
  const selectPlace = useSearchStore((s) => s.selectPlace);
  const figures = useMemo(() => {
    if (!view || !place) return null;
    const of = place.kind === 'building' ? view.building : view.zone;
    let listed = 0, operating = 0, covered = 0, uncoveredMust = 0;
    for (let i = 0; i < of.length; i++) {
      if (of[i] !== place.index) continue;
      listed++;
      const f = view.flags[i];
      if (!(f & Flag.OPERATING)) continue;
      operating++;
      if (f & Flag.COVERED) covered++;
      else if (f & Flag.MUST_COVER) uncoveredMust++;
    }
    return { listed, operating, covered, uncoveredMust };
  }, [view, place]);
  if (!view || !place || !figures || enterpriseOpen) return null;
  const feature = (place.kind === 'building' ? view.buildings : view.zones).features[place.index];
  const props = feature?.properties ?? {};
  const num = (n: number) => n.toLocaleString(i18n.language);
  return (
    <Card size="small" className="detail-panel" data-testid="place-detail" title={place.kind === 'building' ? t('place.building') : t(`zoneKind.${String(props.kind)}`, { defaultValue: t('place.zone') })}
      extra={<Button size="small" onClick={() => selectPlace(null)}>{t('detail.close')}</Button>}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('place.name')}><span data-testid="place-name">{String(props.name ?? '')}</span></Descriptions.Item>
        {place.kind === 'building' && props.floors ? <Descriptions.Item label={t('place.floors')}>{String(props.floors)}</Descriptions.Item> : null}
        <Descriptions.Item label={t('summary.coverageRate')}>{figures.operating > 0 ? formatPercent(figures.covered / figures.operating) : t('place.noOperating')}</Descriptions.Item>
        <Descriptions.Item label={t('summary.enterprises')}>{num(figures.operating)}</Descriptions.Item>
        <Descriptions.Item label={t('summary.covered')}>{num(figures.covered)}</Descriptions.Item>
        <Descriptions.Item label={t('legend.uncoveredMust')}>{num(figures.uncoveredMust)}</Descriptions.Item>
        <Descriptions.Item label={t('summary.listed')}>{num(figures.listed)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
