/** Legend with layer switches. */
import { Card, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore, type LayerKey } from '../state/store';
import { CATEGORY_COLORS, CLUSTER_COLOR, BUILDING_COLOR, PLAN_STATUS_COLORS, ZONE_COLORS, cssColor } from '../map/layers/palette';

const CATEGORY_LABELS = ['legend.ownOrg', 'legend.jointOrg', 'legend.workOnly', 'legend.uncoveredMust', 'legend.uncoveredOther'] as const;

function Swatch({ color, round = true }: { color: string; round?: boolean }) {
  return <span className="swatch" style={{ background: color, borderRadius: round ? '50%' : 2 }} />;
}

export function Legend() {
  const { t } = useTranslation();
  const layers = useAppStore((s) => s.layers);
  const toggle = useAppStore((s) => s.toggleLayer);
  const row = (key: LayerKey, label: string, swatch: React.ReactNode) => (
    <div className="legend-row" key={key}>
      <Switch size="small" checked={layers[key]} onChange={(v) => toggle(key, v)} aria-label={label} />
      {swatch}
      <span>{label}</span>
    </div>
  );
  return (
    <Card size="small" title={t('legend.title')} className="legend" data-testid="legend">
      {row('enterprises', t('legend.enterprises'), null)}
      <div className="legend-categories">
        {CATEGORY_LABELS.map((key, k) => (
          <div className="legend-row indent" key={key}>
            <Swatch color={cssColor(CATEGORY_COLORS[k])} />
            <span>{t(key)}</span>
          </div>
        ))}
        <Typography.Text type="secondary" className="legend-note">{t('legend.sizeNote')}</Typography.Text>
      </div>
      {row('buildings', t('legend.buildings'), <Swatch color={cssColor(BUILDING_COLOR)} round={false} />)}
      {row('zones', t('legend.zones'), <Swatch color={cssColor([...ZONE_COLORS.business_district.slice(0, 3), 200] as [number, number, number, number])} round={false} />)}
      {row('coverageFill', t('legend.coverageFill'), <Swatch color="linear-gradient(90deg,#d73027,#d7b427,#1a9850)" round={false} />)}
      {row('planItems', t('legend.planItems'), <Swatch color={`linear-gradient(90deg,${(['proposed', 'forming', 'formed'] as const).map((k) => cssColor(PLAN_STATUS_COLORS[k])).join(',')})`} round={false} />)}
      {row('areas', t('legend.areas'), <Swatch color="#fdd49e" round={false} />)}
      {row('clusters', t('legend.clusters'), <Swatch color={cssColor(CLUSTER_COLOR)} round={false} />)}
      {row('heat', t('legend.heat'), <Swatch color="linear-gradient(90deg,#ffffb2,#bd0026)" round={false} />)}
    </Card>
  );
}
