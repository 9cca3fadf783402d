/**
 * Legend with layer switches. Collapsible (remembered; folded by default on a small screen so that it
 * does not cover the map), with the 组建率 colour scale of the building and zone fills.
 */
import { useState } from 'react';
import { Button, Card, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore, type LayerKey } from '../state/store';
import { usePresentationStore } from '../state/presentation';
import { STATUS_LIGHT_COLORS, type StatusLight } from '../core/followup/status-light';
import { CATEGORY_COLORS, CLUSTER_COLOR, BUILDING_COLOR, PLAN_STATUS_COLORS, ZONE_COLORS, coverageRampColor, cssColor } from '../map/layers/palette';

const CATEGORY_LABELS = ['legend.ownOrg', 'legend.jointOrg', 'legend.workOnly', 'legend.uncoveredMust', 'legend.uncoveredOther'] as const;
const LIGHTS: StatusLight[] = ['overdue', 'due_soon', 'on_track', 'undated'];
const FOLDED_KEY = 'lianjian.legendFolded';
/** Below this window height the legend starts folded (a 1366×768 laptop). */
const SMALL_SCREEN_PX = 820;
const RAMP = [0, 0.25, 0.5, 0.75, 1].map((r) => cssColor(coverageRampColor(r, 255))).join(',');

function initiallyFolded(): boolean {
  const stored = globalThis.localStorage?.getItem(FOLDED_KEY);
  if (stored !== null && stored !== undefined) return stored === '1';
  return (globalThis.innerHeight ?? 1000) < SMALL_SCREEN_PX;
}

/** An outline (a plan item's border on the map). */
function Outline({ color }: { color: string }) {
  return <span className="swatch outline" style={{ border: `3px solid ${color}`, background: 'transparent', borderRadius: 2 }} />;
}

function Swatch({ color, round = true }: { color: string; round?: boolean }) {
  return <span className="swatch" style={{ background: color, borderRadius: round ? '50%' : 2 }} />;
}

export function Legend() {
  const { t } = useTranslation();
  const layers = useAppStore((s) => s.layers);
  const toggle = useAppStore((s) => s.toggleLayer);
  const clusters = useAppStore((s) => s.view?.report.clusters.length ?? 0);
  const afterPlan = usePresentationStore((s) => s.afterPlan);
  const [folded, setFolded] = useState(initiallyFolded);
  const fold = (next: boolean) => {
    setFolded(next);
    globalThis.localStorage?.setItem(FOLDED_KEY, next ? '1' : '0');
  };
  const row = (key: LayerKey, label: string, swatch: React.ReactNode) => (
    <div className="legend-row" key={key}>
      <Switch size="small" checked={layers[key]} onChange={(v) => toggle(key, v)} aria-label={label} />
      {swatch}
      <span>{label}</span>
    </div>
  );
  const title = afterPlan ? `${t('legend.title')} · ${t('slides.after')}` : t('legend.title');
  return (
    <Card
      size="small"
      title={title}
      className={folded ? 'legend folded' : 'legend'}
      data-testid="legend"
      data-folded={folded ? 'true' : 'false'}
      extra={<Button size="small" type="text" onClick={() => fold(!folded)} data-testid="legend-fold" aria-expanded={!folded}>{folded ? t('legend.show') : t('legend.hide')}</Button>}
    >
      {folded ? null : (
        <>
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
          {row('coverageFill', t('legend.coverageFill'), null)}
          {layers.coverageFill ? (
            <div className="legend-scale" data-testid="legend-scale">
              <div className="legend-ramp" style={{ background: `linear-gradient(90deg,${RAMP})` }} />
              <div className="legend-ticks"><span>0%</span><span>50%</span><span>100%</span></div>
              <Typography.Text type="secondary" className="legend-note">{t('legend.scaleNote')}</Typography.Text>
            </div>
          ) : null}
          {/* What the map draws: each item's outline in its deadline's light (红黄绿, grey without a deadline), a formed item's in the 已组建 green; the faint fill is the status. */}
          {row('planItems', t('legend.planItems'), <Outline color={`rgb(${STATUS_LIGHT_COLORS.overdue.join(',')})`} />)}
          {layers.planItems ? (
            <div className="legend-categories" data-testid="legend-plan-lights">
              <div className="legend-inline">
                {LIGHTS.map((light) => (
                  <span className="legend-chip" key={light} data-light={light}>
                    <Outline color={`rgb(${STATUS_LIGHT_COLORS[light].join(',')})`} />
                    <span>{t(`followup.light.${light}`)}</span>
                  </span>
                ))}
                <span className="legend-chip" data-light="formed">
                  <Outline color={cssColor(PLAN_STATUS_COLORS.formed)} />
                  <span>{t('plan.status.formed')}</span>
                </span>
              </div>
              <Typography.Text type="secondary" className="legend-note">{t('legend.planFillNote')}</Typography.Text>
            </div>
          ) : null}
          {row('areas', t('legend.areas'), <Swatch color="#fdd49e" round={false} />)}
          {row('clusters', t('legend.clusters'), <Swatch color={cssColor(CLUSTER_COLOR)} round={false} />)}
          {clusters === 0 ? <Typography.Text type="secondary" className="legend-note" data-testid="legend-no-clusters">{t('legend.noClusters')}</Typography.Text> : null}
          {row('heat', t('legend.heat'), <Swatch color="linear-gradient(90deg,#ffffb2,#bd0026)" round={false} />)}
        </>
      )}
    </Card>
  );
}
