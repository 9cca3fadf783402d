/**
 * 两图对比 in the workspace: on / off, side by side or swipe, and what the sides compare — the situation
 * now / after the plan / after every recommendation, two scenarios of 方案比较 (each planned under its
 * rules in the worker), or two bulletin snapshot dates (areas coloured by their 组建率). Saved with a slide when on.
 */
import { useEffect } from 'react';
import { Alert, Segmented, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SIDE_KINDS, SPLIT_COMPARES, usePresentationStore, type SideKind, type SplitCompare, type SplitScenario } from '../../state/presentation';
import { useAppStore } from '../../state/store';
import { useRuleProfileStore } from '../../state/rule-profile';
import { useSplitSidesStore } from '../../state/split-sides';
import { snapshotDates } from '../../core/bulletin/bulletin';
import { SCENARIO_PRESETS, scenarioRules } from '../scenario-presets';
import { scenarioLabelKey } from '../../map/split/titles';

const SCENARIO_KEYS = ['current', ...Object.keys(SCENARIO_PRESETS)];

export function SplitControls() {
  const { t } = useTranslation();
  const split = usePresentationStore((s) => s.split);
  const setSplit = usePresentationStore((s) => s.setSplit);
  const snapshots = useAppStore((s) => s.snapshots);
  const current = useRuleProfileStore((s) => s.profile?.rules);
  const failed = useSplitSidesStore((s) => s.failed);
  const dates = snapshotDates(snapshots);
  const compare = split.compare ?? 'plan';
  const options = SIDE_KINDS.map((k) => ({ value: k, label: t(`meeting.sides.${k}`) }));
  const scenarioOptions = SCENARIO_KEYS.map((k) => ({ value: k, label: t(scenarioLabelKey(k)) }));
  const dateOptions = dates.map((d) => ({ value: d, label: d }));
  // A second snapshot taken while comparing snapshots: the two latest dates are shown.
  const needDates = split.on && compare === 'snapshots' && !split.dates && dates.length >= 2;
  useEffect(() => {
    if (needDates) setSplit({ dates: [dates[dates.length - 2], dates[dates.length - 1]] });
  }, [needDates, dates, setSplit]);
  const scenario = (key: string): SplitScenario => ({ key, rules: scenarioRules(key, current) });
  const pickCompare = (c: SplitCompare) => {
    if (c === 'scenarios') setSplit({ compare: c, scenarios: split.scenarios ?? [scenario('current'), scenario('unitsUnlimited')] });
    else if (c === 'snapshots') setSplit({ compare: c, dates: split.dates ?? (dates.length >= 2 ? [dates[dates.length - 2], dates[dates.length - 1]] : undefined) });
    else setSplit({ compare: undefined });
  };
  const setScenario = (k: 0 | 1, key: string) => {
    const pair: [SplitScenario, SplitScenario] = [...(split.scenarios ?? [scenario('current'), scenario('unitsUnlimited')])] as [SplitScenario, SplitScenario];
    pair[k] = scenario(key);
    setSplit({ scenarios: pair });
  };
  const setDate = (k: 0 | 1, date: string) => {
    const pair: [string, string] = [...(split.dates ?? [dates[0], dates[dates.length - 1]])] as [string, string];
    pair[k] = date;
    setSplit({ dates: pair });
  };
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="split-controls">
      <Space size={4}>
        <Switch size="small" checked={split.on} onChange={(on) => setSplit({ on })} data-testid="split-toggle" />
        <Typography.Text>{t('meeting.split.toggle')}</Typography.Text>
      </Space>
      {split.on ? (
        <>
          <Space size={4} wrap>
            <Typography.Text type="secondary">{t('meeting.split.compare')}</Typography.Text>
            <Segmented size="small" value={compare} onChange={(v) => pickCompare(v as SplitCompare)} data-testid="split-compare"
              options={SPLIT_COMPARES.map((c) => ({ value: c, label: t(`meeting.split.compares.${c}`) }))} />
          </Space>
          <Space size={4} wrap>
            <Typography.Text type="secondary">{t('meeting.split.mode')}</Typography.Text>
            <Segmented size="small" value={split.mode} onChange={(v) => setSplit({ mode: v as 'side' | 'swipe' })} data-testid="split-mode"
              options={[{ value: 'side', label: t('meeting.split.side') }, { value: 'swipe', label: t('meeting.split.swipe') }]} />
          </Space>
          {compare === 'plan' ? (
            <Space size={4} wrap>
              <Select size="small" value={split.left} onChange={(v: SideKind) => setSplit({ left: v })} options={options} style={{ width: 130 }} aria-label={t('meeting.split.left')} data-testid="split-left" />
              <span>|</span>
              <Select size="small" value={split.right} onChange={(v: SideKind) => setSplit({ right: v })} options={options} style={{ width: 130 }} aria-label={t('meeting.split.right')} data-testid="split-right" />
            </Space>
          ) : null}
          {compare === 'scenarios' && split.scenarios ? (
            <>
              <Space size={4} wrap>
                <Select size="small" value={split.scenarios[0].key} onChange={(v: string) => setScenario(0, v)} options={scenarioOptions} style={{ width: 190 }} aria-label={t('meeting.split.scenarioA')} data-testid="split-scenario-a" />
                <span>|</span>
                <Select size="small" value={split.scenarios[1].key} onChange={(v: string) => setScenario(1, v)} options={scenarioOptions} style={{ width: 190 }} aria-label={t('meeting.split.scenarioB')} data-testid="split-scenario-b" />
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('meeting.split.scenarioHint')}</Typography.Text>
              {failed ? <Alert type="error" showIcon title={t('meeting.split.failed', { message: failed })} /> : null}
            </>
          ) : null}
          {compare === 'snapshots' ? (
            dates.length < 2 ? (
              <Alert type="warning" showIcon title={t('meeting.split.fewDates', { count: dates.length })} data-testid="split-few-dates" />
            ) : (
              <Space size={4} wrap>
                <Select size="small" value={split.dates?.[0]} onChange={(v: string) => setDate(0, v)} options={dateOptions} style={{ width: 130 }} aria-label={t('meeting.split.dateA')} data-testid="split-date-a" />
                <span>|</span>
                <Select size="small" value={split.dates?.[1]} onChange={(v: string) => setDate(1, v)} options={dateOptions} style={{ width: 130 }} aria-label={t('meeting.split.dateB')} data-testid="split-date-b" />
              </Space>
            )
          ) : null}
          {compare !== 'snapshots' ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('meeting.split.hint')}</Typography.Text> : null}
        </>
      ) : null}
    </Space>
  );
}
