/** 督办: per responsible person and per area, open items, overdue, due soon and done this month; each area's leader, settable. */
import { useMemo, useState } from 'react';
import { App as AntApp, Button, Input, Popover, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { usePlanningStore } from '../../state/planning';
import { setAreaLeader } from '../../state/followup';
import { monthStart, rollupByArea, rollupByOwner, type FollowUpRollup } from '../../core/followup/rollups';
import { todayInChina } from '../../core/followup/status-light';
import { areasOfItem } from './areas-of-item';

const counts = (t: (k: string) => string) => [
  { title: t('followup.open'), dataIndex: 'open', width: 52 },
  {
    title: t('followup.overdue'), dataIndex: 'overdue', width: 52,
    render: (v: number) => <span data-testid="rollup-overdue" style={v > 0 ? { color: '#cf1322', fontWeight: 600 } : undefined}>{v}</span>,
  },
  { title: t('followup.dueSoon'), dataIndex: 'dueSoon', width: 64 },
  { title: t('followup.doneThisPeriod'), dataIndex: 'doneThisPeriod', width: 72 },
];

export function OwnerRollup() {
  const { t } = useTranslation();
  const items = usePlanningStore((s) => s.planItems);
  const today = todayInChina();
  const rows = useMemo(() => rollupByOwner(items, today, monthStart(today)), [items, today]);
  return (
    <Table<FollowUpRollup> size="small" rowKey="key" dataSource={rows} pagination={false} data-testid="rollup-owners"
      columns={[{ title: t('followup.owner'), dataIndex: 'key', width: 110, render: (k: string) => <span data-testid="rollup-owner">{k || t('followup.noOwner')}</span> }, ...counts(t)]} />
  );
}

function LeaderEditor({ areaId, name, leader }: { areaId: string; name: string; leader: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(leader);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await setAreaLeader(areaId, value);
      message.success(value.trim() ? t('followup.leaderSaved', { area: name, leader: value.trim() }) : t('followup.leaderCleared', { area: name }));
      setOpen(false);
    } catch (error) {
      const code = (error as { code?: string }).code;
      message.error(code === '42501' || /42501|set by the city/.test((error as Error).message) ? t('followup.leaderDenied') : (error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popover open={open} onOpenChange={(o) => { setOpen(o); setValue(leader); }} trigger="click" title={t('followup.setLeader')}
      content={(
        <Space.Compact>
          <Input size="small" value={value} onChange={(e) => setValue(e.target.value)} onPressEnter={() => void save()} maxLength={40} data-testid="leader-input" />
          <Button size="small" type="primary" loading={busy} onClick={() => void save()} data-testid="leader-save">{t('plan.apply')}</Button>
        </Space.Compact>
      )}>
      <a data-testid="area-leader" data-area={areaId}>{leader || <Typography.Text type="secondary">{t('followup.noLeader')}</Typography.Text>}</a>
    </Popover>
  );
}

interface AreaRow extends FollowUpRollup { name: string; leader: string; level: 'district' | 'street' }

export function AreaRollup() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const items = usePlanningStore((s) => s.planItems);
  const today = todayInChina();
  const rows = useMemo((): AreaRow[] => {
    if (!view) return [];
    const byArea = new Map(rollupByArea(items, areasOfItem(view), today, monthStart(today)).map((r) => [r.key, r]));
    const zero = { open: 0, overdue: 0, dueSoon: 0, undated: 0, doneThisPeriod: 0 };
    // Districts, each followed by its streets; most overdue first within each level.
    const rowOf = (a: PlanView['areaList'][number]): AreaRow => ({ ...zero, ...byArea.get(a.id), key: a.id, name: a.name, leader: a.leader ?? '', level: a.level });
    const order = (x: AreaRow, y: AreaRow) => y.overdue - x.overdue || y.open - x.open || x.name.localeCompare(y.name, 'zh-CN');
    const districts = view.areaList.filter((a) => a.level === 'district').map(rowOf).sort(order);
    return districts.flatMap((d) => [d, ...view.areaList.filter((a) => a.level === 'street' && a.parent === d.key).map(rowOf).sort(order)]);
  }, [view, items, today]);
  return (
    <Table<AreaRow> size="small" rowKey="key" dataSource={rows} pagination={rows.length > 30 ? { pageSize: 30, size: 'small' } : false} data-testid="rollup-areas"
      columns={[
        { title: t('followup.area'), dataIndex: 'name', width: 96, render: (n: string, r) => <span style={r.level === 'street' ? { paddingLeft: 10 } : { fontWeight: 600 }} data-testid="rollup-area">{n}</span> },
        { title: t('followup.leader'), dataIndex: 'leader', width: 80, render: (l: string, r) => <LeaderEditor areaId={r.key} name={r.name} leader={l} /> },
        ...counts(t),
      ]} />
  );
}

type PlanView = NonNullable<ReturnType<typeof useAppStore.getState>['view']>;
