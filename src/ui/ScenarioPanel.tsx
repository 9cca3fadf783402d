/**
 * 方案比较: the register the worker keeps, planned under the current rules and one or two variants
 * ("what if we allow larger joint branches?"), compared in total and per area; exportable as XLSX.
 */
import { useState } from 'react';
import { App as AntApp, Button, Modal, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SCENARIO_PRESETS, presetIsCurrent, scenarioRules } from './scenario-presets';
import { keepScenarioSides } from '../state/split-sides';
import { usePresentationStore } from '../state/presentation';
import type { Scenario, ScenarioComparison, ScenarioFigures, ScenarioRow } from '../core/scenarios';
import { exportScenariosXlsx } from '../core/io/scenario-export';
import { compareScenarios } from '../state/sync';
import { useRuleProfileStore } from '../state/rule-profile';
import { useAppStore } from '../state/store';
import { download } from './download';

const PRESETS = SCENARIO_PRESETS;
const FIGURES: (keyof ScenarioFigures)[] = ['mustCover', 'mustCoverInOrgs', 'newOrgs', 'workCoverage', 'umbrellas'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ScenarioPanel() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const view = useAppStore((s) => s.view);
  const current = useRuleProfileStore((s) => s.profile?.rules);
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>(['units8', 'unitsUnlimited']);
  const [comparison, setComparison] = useState<ScenarioComparison | null>(null);
  const [running, setRunning] = useState(false);
  /** The compared scenarios' keys ('current' first), and the two shown on the map (indexes into them). */
  const [compared, setCompared] = useState<string[]>([]);
  const [onMap, setOnMap] = useState<[number, number]>([0, 1]);

  // A preset that is the rules in force would repeat the first column: it cannot be picked.
  const variants = picked.filter((key) => !presetIsCurrent(key, current));
  const scenarios = (): Scenario[] => [
    { name: t('scenarios.current'), rules: { ...current } },
    ...variants.map((key) => ({ name: t(`scenarios.presets.${key}`), rules: scenarioRules(key, current) })),
  ];
  const run = async () => {
    setRunning(true);
    try {
      const asked = scenarios();
      const result = await compareScenarios(asked, { sides: true });
      const shown = useAppStore.getState().view;
      // Each scenario's map is kept for the side-by-side view (两图对比: scenario A | scenario B).
      if (shown) keepScenarioSides(shown, asked.map((s) => s.rules), result);
      setCompared(['current', ...variants]);
      setOnMap([0, Math.min(1, variants.length)]);
      setComparison(result);
    } catch (error) {
      message.error(t('scenarios.failed', { message: (error as Error).message }));
    } finally {
      setRunning(false);
    }
  };
  const showOnMap = () => {
    const side = (k: number) => ({ key: compared[k], rules: scenarioRules(compared[k], current) });
    usePresentationStore.getState().setSplit({ on: true, compare: 'scenarios', scenarios: [side(onMap[0]), side(onMap[1])] });
    setOpen(false);
  };
  const exportXlsx = async () => {
    if (!comparison) return;
    const bytes = await exportScenariosXlsx(comparison, {
      sheet: t('scenarios.sheet'), area: t('scenarios.area'), level: t('scenarios.level'), total: t('scenarios.total'),
      levels: { district: t('scenarios.district'), street: t('scenarios.street') },
      figures: Object.fromEntries(FIGURES.map((f) => [f, t(`scenarios.figures.${f}`)])) as Record<keyof ScenarioFigures, string>,
      column: (scenario, figure) => t('names.labelled', { label: scenario, value: figure }),
    });
    download(bytes, `${t('scenarios.file')}.xlsx`, XLSX_TYPE);
  };

  return (
    <>
      <Button size="small" disabled={!view} onClick={() => setOpen(true)} data-testid="scenarios-button">{t('scenarios.button')}</Button>
      <Modal open={open} width={1200} title={t('scenarios.title')} onCancel={() => setOpen(false)} footer={null}>
        <Space wrap style={{ marginBottom: 8 }}>
          <Typography.Text>{t('scenarios.pick')}</Typography.Text>
          <Select
            mode="multiple" size="small" style={{ minWidth: 360 }} value={variants} maxCount={2} onChange={setPicked}
            options={Object.keys(PRESETS).map((key) => {
              const same = presetIsCurrent(key, current);
              return { value: key, disabled: same, label: same ? t('scenarios.presetIsCurrent', { name: t(`scenarios.presets.${key}`) }) : t(`scenarios.presets.${key}`) };
            })} data-testid="scenarios-pick"
          />
          <Button size="small" type="primary" loading={running} disabled={variants.length === 0} onClick={() => void run()} data-testid="scenarios-compare">{t('scenarios.compare')}</Button>
          <Button size="small" disabled={!comparison} onClick={() => void exportXlsx()} data-testid="scenarios-export">{t('scenarios.export')}</Button>
        </Space>
        {comparison && compared.length >= 2 ? (
          <Space wrap style={{ marginBottom: 8 }}>
            {([0, 1] as const).map((side) => (
              <Select key={side} size="small" style={{ width: 200 }} value={onMap[side]} data-testid={`scenarios-map-${side === 0 ? 'a' : 'b'}`}
                aria-label={t(side === 0 ? 'meeting.split.scenarioA' : 'meeting.split.scenarioB')}
                onChange={(v: number) => setOnMap(side === 0 ? [v, onMap[1]] : [onMap[0], v])}
                options={compared.map((key, k) => ({ value: k, label: key === 'current' ? t('scenarios.current') : t(`scenarios.presets.${key}`) }))} />
            ))}
            <Button size="small" onClick={showOnMap} data-testid="scenarios-show-map">{t('meeting.split.showOnMap')}</Button>
          </Space>
        ) : null}
        <Typography.Paragraph type="secondary">{t('scenarios.hint')}</Typography.Paragraph>
        {comparison ? (
          <Table<ScenarioRow>
            size="small"
            data-testid="scenarios-table"
            rowKey={(r) => r.areaId ?? 'total'}
            pagination={false}
            scroll={{ y: 480, x: 'max-content' }}
            dataSource={comparison.rows}
            columns={[
              { title: t('scenarios.area'), key: 'area', fixed: 'left', width: 140, render: (_: unknown, r) => (r.level === 'total' ? <strong>{t('scenarios.total')}</strong> : r.level === 'street' ? <span style={{ paddingLeft: 12 }}>{r.name}</span> : r.name) },
              ...comparison.scenarios.map((s, k) => ({
                title: s.name,
                key: `s${k}`,
                children: FIGURES.map((f) => ({
                  title: t(`scenarios.figures.${f}`), key: `s${k}_${f}`, width: 92, align: 'right' as const,
                  render: (_: unknown, r: ScenarioRow) => {
                    const value = r.figures[k][f];
                    const base = r.figures[0][f];
                    const cell = `scenario-cell-${r.areaId ?? 'total'}-${k}-${f}`;
                    if (k === 0 || value === base) return <span data-testid={cell}>{value}</span>;
                    // The change against the rules in force, beside the figure.
                    return <><strong data-testid={cell}>{value}</strong> <Typography.Text type="secondary" data-testid={`${cell}-delta`}>{value > base ? `+${value - base}` : `−${base - value}`}</Typography.Text></>;
                  },
                })),
              })),
            ]}
          />
        ) : null}
      </Modal>
    </>
  );
}
