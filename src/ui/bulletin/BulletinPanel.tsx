/**
 * 半月通报: take dated snapshots of the figures, rank districts (or one district's streets) by 组建率
 * with the change since the previous snapshot, the trend of every ranked area, XLSX and print.
 */
import { useMemo, useRef, useState } from 'react';
import { App as AntApp, Button, DatePicker, Empty, Select, Space, Switch, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { takeBulletinSnapshot } from '../../state/bulletin-actions';
import { bulletinRows, snapshotDates, trend, type BulletinRow } from '../../core/bulletin/bulletin';
import type { BulletinSnapshot } from '../../core/model/records';
import { exportBulletinXlsx } from '../../core/io/exports';
import { download, XLSX_TYPE } from '../download';
import { TrendChart, type ChartImage } from './TrendChart';
import { printSection } from '../print';
import { autoSnapshotEnabled, setAutoSnapshot } from '../../state/bulletin-settings';
import { formatPercent } from '../format';
import { todayInChina } from '../../core/followup/status-light';
import { HeaderTip } from '../HeaderTip';
import { exportText } from '../export-text';
import { datasetDisplayName, exportFileName, withAside } from '../names';

const TREND_LIMIT = 10;

/** The stored snapshots: read once at start, kept current by the change feed (taking one delivers it before it resolves); null until the store is open. */
export function useSnapshots(): BulletinSnapshot[] | null {
  const canWrite = useAppStore((s) => s.canWrite);
  const snapshots = useAppStore((s) => s.snapshots);
  return canWrite ? snapshots : null;
}

export function BulletinPanel() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const view = useAppStore((s) => s.view);
  const canWrite = useAppStore((s) => s.canWrite);
  const snapshots = useSnapshots();
  // The campaign's day is China's (an import dates what it saw so): not the browser's own date.
  const [takeOn, setTakeOn] = useState(() => dayjs(todayInChina()));
  const [date, setDate] = useState<string | null>(null);
  const [district, setDistrict] = useState<string | null>(null);
  const [auto, setAuto] = useState(autoSnapshotEnabled());
  const [busy, setBusy] = useState(false);
  const chartImage = useRef<ChartImage | null>(null);
  const dates = useMemo(() => snapshotDates(snapshots ?? []), [snapshots]);
  const shownDate = date && dates.includes(date) ? date : dates.at(-1) ?? null;
  const rows = useMemo(
    () => (view && snapshots && shownDate ? bulletinRows(snapshots, view.areaList, shownDate, district ? 'street' : 'district', district) : []),
    [view, snapshots, shownDate, district],
  );
  const series = useMemo(
    () => rows.slice(0, TREND_LIMIT).map((r) => ({ name: r.name, points: trend(snapshots ?? [], r.areaId) })),
    [rows, snapshots],
  );
  if (!view) return null;
  const signed = (n: number | null, digits = 0) => (n === null ? '—' : `${n > 0 ? '+' : ''}${n.toFixed(digits)}`);
  const take = async () => {
    if (!canWrite) return;
    setBusy(true);
    try {
      const day = takeOn.format('YYYY-MM-DD');
      await takeBulletinSnapshot(day);
      setDate(day);
      message.success(t('bulletin.taken', { date: day }));
    } catch (error) {
      message.error(t('plan.failed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const exportXlsx = async () => {
    if (!shownDate) return;
    const scope = district ? view.areaList.find((a) => a.id === district)?.name ?? null : null;
    download(await exportBulletinXlsx(rows, shownDate, exportText(t, view, i18n.language)), exportFileName(view, scope, t('files.bulletin'), 'xlsx', shownDate), XLSX_TYPE);
  };
  const districts = view.areaList.filter((a) => a.level === 'district');
  const table = (
    <Table<BulletinRow>
      size="small"
      rowKey="areaId"
      data-testid="bulletin-table"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      className="ranking-table"
      columns={[
        { title: t('bulletin.rank'), dataIndex: 'rank', width: 48, fixed: 'left', render: (rank: number, r) => <span data-testid="bulletin-rank">{rank}{r.previousRank && r.previousRank !== rank ? (r.previousRank > rank ? ' ▲' : ' ▼') : ''}</span> },
        // The area column has a width of its own: squeezed by the figures it used to render 0 px wide.
        { title: t('bulletin.area'), dataIndex: 'name', width: 104, fixed: 'left', render: (name: string) => <span className="area-name" data-testid="bulletin-area" title={name}>{name}</span> },
        { title: <HeaderTip label={t('bulletin.rate')} tip={t('help.coverageRate')} />, dataIndex: 'coverageRate', render: (v: number) => formatPercent(v), width: 76 },
        { title: t('bulletin.points'), dataIndex: 'pointsGained', render: (v: number | null) => <span data-testid="bulletin-points">{signed(v, 2)}</span>, width: 72 },
        { title: t('bulletin.newOrgs'), dataIndex: 'newOrganizations', render: (v: number | null) => <span data-testid="bulletin-new-orgs">{signed(v)}</span>, width: 72 },
        { title: t('bulletin.newlyCovered'), dataIndex: 'newlyCovered', render: (v: number | null) => <span data-testid="bulletin-newly-covered">{signed(v)}</span>, width: 80 },
        { title: t('bulletin.itemsDone'), dataIndex: 'planItemsDone', render: (v: number | null) => <span data-testid="bulletin-items-done">{signed(v)}</span>, width: 72 },
        { title: t('bulletin.sixClears'), dataIndex: 'sixClearsRate', render: (v: number) => formatPercent(v), width: 76 },
        // The follow-up loop (督办): open items past due, the leader in charge, the month's new registrations.
        { title: t('followup.bulletin.overdue'), dataIndex: 'overdue', width: 72,
          render: (v: number | null) => <span data-testid="bulletin-overdue" style={v ? { color: '#cf1322', fontWeight: 600 } : undefined}>{v ?? '—'}</span> },
        { title: t('followup.bulletin.dueSoon'), dataIndex: 'dueSoon', width: 72,
          render: (v: number | null) => <span data-testid="bulletin-due-soon" style={v ? { color: '#ad6800', fontWeight: 600 } : undefined}>{v ?? '—'}</span> },
        { title: t('followup.bulletin.leader'), dataIndex: 'leader', width: 80, render: (v: string) => <span data-testid="bulletin-leader">{v || '—'}</span> },
        { title: t('followup.bulletin.newRegistrations'), key: 'newRegistrations', width: 96,
          render: (_: unknown, r) => <span data-testid="bulletin-new-registrations">{r.newRegistrations === null ? '—' : withAside(String(r.newRegistrations), String(r.newRegistrationsCovered ?? 0))}</span> },
        { title: t('followup.bulletin.membersElsewhere'), key: 'membersElsewhere', width: 96,
          render: (_: unknown, r) => <span data-testid="bulletin-members-elsewhere">{r.membersElsewhere === null ? '—' : withAside(String(r.membersElsewhere), String(r.membersTransferred ?? 0))}</span> },
        { title: t('followup.bulletin.massOrgNoParty'), dataIndex: 'massOrgNoParty', width: 96, render: (v: number | null) => v ?? '—' },
        { title: t('followup.bulletin.keyEnterprises'), dataIndex: 'keyEnterprises', width: 72, render: (v: number | null) => v ?? '—' },
      ]}
    />
  );
  return (
    <div data-testid="bulletin">
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Space wrap>
          <DatePicker size="small" value={takeOn} onChange={(d) => d && setTakeOn(d)} allowClear={false} data-testid="bulletin-date" />
          <Button size="small" type="primary" loading={busy} disabled={!canWrite} onClick={() => void take()} data-testid="bulletin-take">{t('bulletin.take')}</Button>
          <Space size={4}>
            <Switch size="small" checked={auto} onChange={(on) => { setAuto(on); setAutoSnapshot(on); }} />
            <Typography.Text className="filter-label">{t('bulletin.auto')}</Typography.Text>
          </Space>
        </Space>
        {dates.length === 0 ? <Empty description={t('bulletin.empty')} /> : (
          <>
            <Space wrap>
              <Select size="small" style={{ width: 130 }} value={shownDate} onChange={setDate} options={[...dates].reverse().map((d) => ({ value: d, label: d }))} data-testid="bulletin-shown" />
              <Select size="small" style={{ width: 150 }} allowClear placeholder={t('bulletin.districts')} value={district ?? undefined} onChange={(v) => setDistrict(v ?? null)}
                options={districts.map((d) => ({ value: d.id, label: t('bulletin.streetsOf', { name: d.name }) }))} />
            </Space>
            <Typography.Text type="secondary">{t('bulletin.since', { date: dates.filter((d) => shownDate !== null && d < shownDate).at(-1) ?? '—' })}</Typography.Text>
            {table}
            <TrendChart series={series} dates={dates} imageRef={chartImage} />
            <Space>
              <Button size="small" onClick={() => void exportXlsx()} data-testid="bulletin-xlsx">{t('bulletin.xlsx')}</Button>
              <Button size="small" onClick={() => printSection(
                <div className="print-bulletin">
                  <h1>{t('bulletin.printTitle', { date: shownDate, dataset: datasetDisplayName(view.datasetName, i18n.language) })}</h1>
                  <p>{t('bulletin.since', { date: dates.filter((d) => shownDate !== null && d < shownDate).at(-1) ?? '—' })} · {new Date().toLocaleDateString(i18n.language)}</p>
                  {table}
                  {chartImage.current?.() ? <img className="print-chart" src={chartImage.current() as string} alt="" /> : null}
                </div>,
              )} data-testid="bulletin-print">{t('bulletin.print')}</Button>
            </Space>
          </>
        )}
      </Space>
    </div>
  );
}
