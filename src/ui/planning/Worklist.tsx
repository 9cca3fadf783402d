/** Every must-cover enterprise not yet in an organization, with the plan item it is in (or "unplanned"); by area and owner. */
import { useMemo, useState } from 'react';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { usePlanningStore } from '../../state/planning';
import { useWorklistRows, type WorklistRow } from '../../state/worklist';
import { PLAN_STATUS_COLORS, cssColor } from '../../map/layers/palette';
import { statusLight, todayInChina } from '../../core/followup/status-light';
import { useNewRegistrationIds } from '../../state/followup';
import { StatusLightTag } from '../followup/StatusLightTag';

const UNPLANNED = '__unplanned__';
const ALL = '__all__';

export function Worklist() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const selectEnterprise = useAppStore((s) => s.selectEnterprise);
  const requestView = useAppStore((s) => s.requestView);
  const planItems = usePlanningStore((s) => s.planItems);
  const rows = useWorklistRows();
  const newlyRegistered = useNewRegistrationIds();
  const today = todayInChina();
  const [area, setArea] = useState<string | null>(null);
  const [owner, setOwner] = useState<string>(ALL);
  const owners = useMemo(() => [...new Set(planItems.map((p) => p.owner).filter((o) => o !== ''))].sort(), [planItems]);
  const shown = rows.filter((r) => (!area || r.districtId === area || r.streetId === area)
    && (owner === ALL || (owner === UNPLANNED ? r.item === null : r.item?.owner === owner)));
  const areaNames = useMemo(() => new Map((view?.areaList ?? []).map((a) => [a.id, a.name])), [view]);
  const areaName = (id: string) => areaNames.get(id) ?? id;
  if (!view) return null;
  return (
    <div data-testid="worklist">
      <Typography.Text strong>{t('worklist.title')} · <span data-testid="worklist-count">{t('worklist.count', { count: shown.length })}</span></Typography.Text>
      <Space wrap style={{ margin: '6px 0' }}>
        <Select size="small" allowClear showSearch optionFilterProp="label" placeholder={t('worklist.allAreas')} style={{ width: 150 }} value={area ?? undefined}
          onChange={(v) => setArea(v ?? null)} options={view.areaList.map((a) => ({ value: a.id, label: a.name }))} data-testid="worklist-area" />
        <Select size="small" style={{ width: 150 }} value={owner} onChange={setOwner} data-testid="worklist-owner"
          options={[{ value: ALL, label: t('worklist.allOwners') }, { value: UNPLANNED, label: t('worklist.unplanned') }, ...owners.map((o) => ({ value: o, label: o }))]} />
      </Space>
      <Table<WorklistRow>
        size="small"
        rowKey="id"
        dataSource={shown}
        virtual
        scroll={{ y: 460 }}
        pagination={false}
        locale={{ emptyText: rows.length === 0 ? t('worklist.emptyAll') : t('worklist.emptyFiltered') }}
        onRow={(r) => ({
          onClick: () => {
            selectEnterprise(r.index);
            const lon = view.positions[r.index * 2], lat = view.positions[r.index * 2 + 1];
            if (lon === lon) requestView([lon - 0.003, lat - 0.003, lon + 0.003, lat + 0.003]);
          },
        })}
        columns={[
          {
            title: t('worklist.name'), dataIndex: 'name', ellipsis: true, width: 114,
            render: (name: string, r) => (newlyRegistered.has(r.id) ? <><Tag color="magenta" data-testid="worklist-new-registration">{t('followup.registrations.tag')}</Tag>{name}</> : name),
          },
          // District over street, each on a line of its own and wrapped, never cut (English names are long: 'Xiaoshan District' / 'Linpu Town').
          {
            title: t('worklist.area'), key: 'area', width: 104,
            render: (_: unknown, r) => (
              <span className="worklist-area" data-testid="worklist-area-cell" title={r.area}>
                {[r.districtId, r.streetId].filter((id): id is string => id !== null).map((id) => <span key={id}>{areaName(id)}</span>)}
              </span>
            ),
          },
          { title: t('worklist.members'), dataIndex: 'members', width: 80 },
          {
            title: t('worklist.status'), key: 'item', width: 124, ellipsis: true,
            render: (_: unknown, r) => (r.item
              ? <><StatusLightTag light={statusLight(r.item.dueDate, r.item.status === 'formed', today)} /><Tag color={cssColor(PLAN_STATUS_COLORS[r.item.status])} data-testid="worklist-item-tag">{t(`plan.status.${r.item.status}`)} · {r.item.title}</Tag></>
              : <Tag data-testid="worklist-unplanned">{t('worklist.unplanned')}</Tag>),
          },
        ]}
      />
    </div>
  );
}
