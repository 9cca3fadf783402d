/** The scope's figures (they follow the filter) and the per-area table ranked by 组建率, which drives the map. */
import { useMemo, useState } from 'react';
import { Button, Card, Segmented, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';
import { mapBridge } from '../../map/map-bridge';
import { usePlanningStore } from '../../state/planning';
import { areaTable, scopeSummary, useFilterMask } from '../../state/figures';
import { areaBbox } from '../../state/filter';
import type { AreaRow } from '../../core/model/report';
import { SummaryPanel } from '../SummaryPanel';
import { mapDecor } from '../MapImageDialog';
import { printSection } from '../print';
import { AreaReport } from '../report/AreaReport';
import { enterpriseIndexById } from '../../state/selectors';
import { formatPercent } from '../format';
import { HeaderTip } from '../HeaderTip';
import { datasetDisplayName, datasetPlace, recommendationName } from '../names';
import { useCapabilities } from '../../state/capabilities';
import { CampaignOverview } from '../campaign/CampaignOverview';

export function OverviewPanel() {
  const { t, i18n } = useTranslation();
  const view = useAppStore((s) => s.view);
  const requestView = useAppStore((s) => s.requestView);
  const filter = usePlanningStore((s) => s.filter);
  const setFilter = usePlanningStore((s) => s.setFilter);
  const followScreen = usePlanningStore((s) => s.followScreen);
  const mask = useFilterMask();
  // The city ranks its districts; district and street staff (who read one district) its streets.
  const capabilities = useCapabilities();
  const [level, setLevel] = useState<'district' | 'street'>(capabilities.districtId ? 'street' : 'district');
  const [paper, setPaper] = useState<'A4' | 'A3'>('A4');
  const [printing, setPrinting] = useState(false);
  const rows = useMemo(() => {
    if (!view) return [];
    const selected = filter.areaId ? view.areaList.find((a) => a.id === filter.areaId) : undefined;
    // With a district chosen, its streets are ranked; otherwise the chosen level across the city.
    const streetsOf = selected?.level === 'district' ? selected.id : selected?.level === 'street' ? selected.parent : null;
    const wanted = streetsOf ? 'street' : level;
    return areaTable(view, mask)
      .filter((r) => r.level === wanted && (!streetsOf || r.parent === streetsOf) && r.enterprises > 0)
      .sort((a, b) => b.coverage_rate - a.coverage_rate || b.enterprises - a.enterprises)
      .map((r, k) => ({ ...r, rank: k + 1 }));
  }, [view, mask, filter.areaId, level]);
  if (!view) return null;
  const summary = scopeSummary(view, mask);
  const areaName = filter.areaId ? view.areaList.find((a) => a.id === filter.areaId)?.name : null;
  const ownDistrict = capabilities.districtId ? view.areaList.find((a) => a.id === capabilities.districtId)?.name : null;
  const scope = [areaName ?? ownDistrict, followScreen ? t('overview.screen') : null].filter(Boolean).join(' · ') || t('overview.city');
  const pct = (r: number) => formatPercent(r);
  const num = (n: number) => n.toLocaleString(i18n.language);
  const printReport = async () => {
    const map = mapBridge.main();
    if (!map) return;
    setPrinting(true);
    try {
      const place = areaName ?? datasetPlace(view.datasetName, i18n.language);
      const png = await map.image(2400, mapDecor(t, view, t('report.title', { area: place }), i18n.language));
      const inScope = (id: string) => {
        const i = enterpriseIndexById(view).get(id);
        return i !== undefined && (!mask || mask[i] === 1);
      };
      const recommendations = view.report.recommendations.filter((r) => r.enterprise_ids.some(inScope));
      printSection(
        <AreaReport t={t} locale={i18n.language} areaName={place} datasetName={datasetDisplayName(view.datasetName, i18n.language)} nameOf={(r) => recommendationName(r)} mapUrl={URL.createObjectURL(png)} summary={summary} rows={rows} recommendations={recommendations} />,
        paper === 'A3' ? 'A3 landscape' : 'A4 landscape',
      );
    } finally {
      setPrinting(false);
    }
  };
  const choose = (row: AreaRow) => {
    setFilter({ areaId: row.id });
    const box = areaBbox(view, row.id);
    if (box) requestView(box);
  };
  return (
    <div className="overview" data-testid="overview">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong data-testid="overview-scope">{t('overview.scope', { scope })}</Typography.Text>
        <Space size={4}>
          <Segmented size="small" value={paper} onChange={(v) => setPaper(v as 'A4' | 'A3')} options={['A4', 'A3']} />
          <Button size="small" loading={printing} onClick={() => void printReport()} data-testid="report-print">{t('report.print')}</Button>
        </Space>
      </Space>
      <SummaryPanel summary={summary} rules={view.rules} />
      <CampaignOverview view={view} mask={mask} />
      <Card
        size="small"
        title={t('overview.table')}
        extra={<Segmented size="small" value={level} onChange={(v) => setLevel(v as 'district' | 'street')} options={[{ value: 'district', label: t('overview.districts') }, { value: 'street', label: t('overview.streets') }]} />}
      >
        <Typography.Text type="secondary" className="hint">{t('overview.clickHint')}</Typography.Text>
        <Table<AreaRow & { rank: number }>
          size="small"
          rowKey="id"
          data-testid="area-table"
          dataSource={rows}
          pagination={rows.length > 15 ? { pageSize: 15, size: 'small', showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          rowClassName={(r) => (r.id === filter.areaId ? 'area-row selected' : 'area-row')}
          onRow={(r) => ({ onClick: () => choose(r) })}
          columns={[
            { title: t('overview.rank'), dataIndex: 'rank', width: 44 },
            {
              title: t('overview.area'), dataIndex: 'name', width: 96,
              // 分片包干: the leader in charge of the area (set in the 督办 tab), under its name.
              render: (name: string, r) => {
                const leader = view.areaList.find((a) => a.id === r.id)?.leader;
                return <><span className="area-name" title={name} data-testid="area-name">{name}</span>{leader ? <div style={{ fontSize: 11, color: "rgba(0, 0, 0, 0.45)" }} data-testid="area-leader-cell">{t('names.labelled', { label: t('followup.leader'), value: leader })}</div> : null}</>;
              },
            },
            { title: <HeaderTip label={t('overview.rate')} tip={t('help.coverageRate')} />, dataIndex: 'coverage_rate', render: pct, width: 70 },
            { title: <HeaderTip label={t('overview.ownRate')} tip={t('help.ownOrgRate')} />, dataIndex: 'own_org_rate', render: pct, width: 76 },
            { title: t('overview.enterprises'), dataIndex: 'enterprises', render: num, width: 62 },
            { title: <HeaderTip label={t('overview.mustCover')} tip={t('help.mustCover', { employees: view.rules.mustCoverMinEmployees })} />, key: 'must', render: (_: unknown, r) => `${num(r.must_cover_covered)} / ${num(r.must_cover)}`, width: 84 },
            // The transfer what-if of the area (理顺党员组织关系): own organizations and joint branches the transfers make possible.
            { title: t('campaign.overview.whatIfColumn'), key: 'what_if', width: 92, render: (_: unknown, r) => { const w = view.report.areas.find((a) => a.id === r.id)?.what_if_transfers; return w && w.pending_members > 0 ? <span data-testid="area-what-if">{t('campaign.overview.whatIfCell', { own: num(w.own_org), joint: num(w.joint_branches) })}</span> : '—'; } },
          ]}
        />
      </Card>
    </div>
  );
}
