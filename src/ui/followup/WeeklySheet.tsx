/** 每周例会表: per responsible person, what changed this week, what is overdue, inspection follow-ups due; XLSX and print. */
import { useMemo } from 'react';
import { Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAppStore } from '../../state/store';
import { usePlanningStore } from '../../state/planning';
import { useFollowUpStore } from '../../state/followup';
import { exportWeeklyMeetingXlsx, weeklyMeetingRows, type WeeklyMeetingRow, type WeeklySheetText } from '../../core/followup/weekly-meeting';
import { addDays, todayInChina } from '../../core/followup/status-light';
import { StatusLightTag } from './StatusLightTag';
import { download, XLSX_TYPE } from '../download';
import { printSection } from '../print';
import { datasetDisplayName, exportFileName } from '../names';

function sheetText(t: TFunction): WeeklySheetText {
  const w = (k: string) => t(`followup.weekly.${k}`);
  return {
    sheet: w('sheet'), owner: t('followup.owner'), noOwner: t('followup.noOwner'), kind: w('kindTitle'),
    kinds: { overdue: w('kind.overdue'), follow_up: w('kind.follow_up'), changed: w('kind.changed') },
    item: w('item'), status: w('status'),
    statuses: { proposed: t('plan.status.proposed'), forming: t('plan.status.forming'), formed: t('plan.status.formed') },
    dueDate: w('dueDate'), light: t('followup.lightTitle'),
    lights: { overdue: t('followup.light.overdue'), due_soon: t('followup.light.due_soon'), on_track: t('followup.light.on_track'), undated: t('followup.light.undated') },
    changedOn: w('changedOn'), note: w('noteCol'),
  };
}

function SheetTable({ rows }: { rows: WeeklyMeetingRow[] }) {
  const { t } = useTranslation();
  return (
    <Table<WeeklyMeetingRow> size="small" rowKey={(r) => `${r.kind}|${r.owner}|${r.title}|${r.note}|${r.changedOn}`} dataSource={rows} pagination={false}
      locale={{ emptyText: t('followup.weekly.empty') }} data-testid="weekly-sheet" scroll={{ x: 'max-content' }}
      columns={[
        { title: t('followup.owner'), dataIndex: 'owner', width: 76, render: (o: string) => o || t('followup.noOwner') },
        { title: t('followup.weekly.kindTitle'), dataIndex: 'kind', width: 64, render: (k: WeeklyMeetingRow['kind']) => t(`followup.weekly.kind.${k}`) },
        { title: t('followup.weekly.item'), key: 'what', ellipsis: true, render: (_: unknown, r) => r.title || r.note },
        { title: t('followup.weekly.dueDate'), dataIndex: 'dueDate', width: 84, render: (d: string | null) => d ?? '—' },
        { title: t('followup.lightTitle'), key: 'light', width: 76, render: (_: unknown, r) => <StatusLightTag light={r.light} /> },
      ]} />
  );
}

export function WeeklySheet() {
  const { t, i18n } = useTranslation();
  const view = useAppStore((s) => s.view);
  const items = usePlanningStore((s) => s.planItems);
  const notes = useFollowUpStore((s) => s.notes);
  const today = todayInChina();
  const rows = useMemo(() => {
    const leaders = new Map((view?.areaList ?? []).map((a) => [a.id, a.leader ?? '']));
    return weeklyMeetingRows(items, notes, today, (id) => leaders.get(id) ?? '');
  }, [items, notes, today, view]);
  if (!view) return null;
  const since = t('followup.weekly.since', { from: addDays(today, -6), to: today });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={6}>
      <Typography.Text type="secondary">{since}</Typography.Text>
      <SheetTable rows={rows} />
      <Space>
        <Button size="small" data-testid="weekly-xlsx"
          onClick={() => void exportWeeklyMeetingXlsx(rows, today, sheetText(t)).then((bytes) => download(bytes, exportFileName(view, null, t('followup.weekly.sheet'), 'xlsx', today), XLSX_TYPE))}>
          {t('followup.weekly.xlsx')}
        </Button>
        <Button size="small" data-testid="weekly-print" onClick={() => printSection(
          <div className="print-bulletin">
            <h1>{t('followup.weekly.printTitle', { dataset: datasetDisplayName(view.datasetName, i18n.language), date: today })}</h1>
            <p>{since}</p>
            <SheetTable rows={rows} />
          </div>,
        )}>{t('followup.weekly.print')}</Button>
      </Space>
    </Space>
  );
}
