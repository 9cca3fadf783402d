/** 新登记企业 (源头登记、跟踪组建): per month and area, must-cover ones flagged; a row zooms to the enterprise. */
import { useMemo, useState } from 'react';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { useNewRegistrationRows, type NewRegistrationRow } from '../../state/followup';

const ALL = '__all__';

export function NewRegistrations() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const selectEnterprise = useAppStore((s) => s.selectEnterprise);
  const requestView = useAppStore((s) => s.requestView);
  const rows = useNewRegistrationRows();
  const [month, setMonth] = useState(ALL);
  const [area, setArea] = useState<string | null>(null);
  const months = useMemo(() => [...new Set(rows.map((r) => r.month))].sort().reverse(), [rows]);
  const shown = rows.filter((r) => (month === ALL || r.month === month) && (!area || r.districtId === area || r.streetId === area));
  if (!view) return null;
  const must = shown.filter((r) => r.mustCover).length;
  const covered = shown.filter((r) => r.covered).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={6} data-testid="new-registrations">
      <Space wrap>
        <Select size="small" style={{ width: 120 }} value={month} onChange={setMonth} data-testid="registrations-month"
          options={[{ value: ALL, label: t('followup.registrations.allMonths') }, ...months.map((m) => ({ value: m, label: m }))]} />
        <Select size="small" allowClear showSearch optionFilterProp="label" placeholder={t('worklist.allAreas')} style={{ width: 150 }} value={area ?? undefined}
          onChange={(v) => setArea(v ?? null)} options={view.areaList.map((a) => ({ value: a.id, label: a.name }))} />
      </Space>
      <Typography.Text data-testid="registrations-count">{t('followup.registrations.count', { count: shown.length, must, covered })}</Typography.Text>
      <Table<NewRegistrationRow>
        size="small" rowKey="enterpriseId" dataSource={shown} pagination={shown.length > 20 ? { pageSize: 20, size: 'small' } : false}
        locale={{ emptyText: t('followup.registrations.empty') }}
        onRow={(r) => ({
          onClick: () => {
            selectEnterprise(r.index);
            const lon = view.positions[r.index * 2], lat = view.positions[r.index * 2 + 1];
            if (lon === lon) requestView([lon - 0.003, lat - 0.003, lon + 0.003, lat + 0.003]);
          },
        })}
        columns={[
          { title: t('followup.registrations.name'), dataIndex: 'name', ellipsis: true, width: 130, render: (n: string) => <span data-testid="registration-name">{n}</span> },
          { title: t('followup.area'), dataIndex: 'area', ellipsis: true, width: 80 },
          { title: t('followup.registrations.registeredOn'), dataIndex: 'registeredOn', width: 84,
            render: (d: string, r) => <span title={t(`followup.registrations.source.${r.source}`)}>{d}</span> },
          { title: t('followup.registrations.mustCover'), key: 'flags', width: 90,
            render: (_: unknown, r) => (
              <Space size={0}>
                {r.mustCover ? <Tag color="purple" data-testid="registration-must-cover">{t('followup.registrations.mustCover')}</Tag> : null}
                <Tag color={r.covered ? 'green' : undefined}>{r.covered ? t('followup.registrations.covered') : t('followup.registrations.uncovered')}</Tag>
              </Space>
            ) },
        ]}
      />
    </Space>
  );
}
