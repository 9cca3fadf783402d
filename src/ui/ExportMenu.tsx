/** Everything the plan can be taken away as: CSV (UTF-8 with BOM) and XLSX for spreadsheets, GeoJSON for GIS. */
import { App as AntApp, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store';
import { recommendationOfEnterprise } from '../state/selectors';
import {
  enterprisesGeoJson, exportAreasXlsx, exportEnterprisesCsv, exportEnterprisesXlsx, exportReportXlsx, exportWorklistCsv, exportWorklistXlsx,
  type WorklistExportRow,
} from '../core/io/exports';
import { worklistRowsOf } from '../state/worklist';
import { download, XLSX_TYPE } from './download';
import { usePlanningStore } from '../state/planning';

const XLSX = XLSX_TYPE;
const CSV = 'text/csv;charset=utf-8';
const JSON_TYPE = 'application/geo+json';

export function ExportMenu() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const view = useAppStore((s) => s.view);
  if (!view) return null;
  const stamp = new Date().toISOString().slice(0, 10);
  // The same rows as the worklist tab: every uncovered must-cover enterprise.
  const worklist = (): WorklistExportRow[] =>
    worklistRowsOf(view, usePlanningStore.getState().planItems).map(({ index, item }) => {
      const enterprise = view.enterprises[index];
      const rec = recommendationOfEnterprise(view, enterprise.id);
      return {
        enterprise,
        planItem: item ? { title: item.title, status: t(`plan.status.${item.status}`), owner: item.owner, instructor: item.instructor, dueDate: item.dueDate } : null,
        recommendationId: rec?.id ?? null,
        recommendationKind: rec ? t(`recommend.kind.${rec.kind}`) : null,
      };
    });
  const run = (label: string, make: () => Promise<void> | void) => async () => {
    try {
      await make();
    } catch (error) {
      message.error(`${label}: ${(error as Error).message}`);
    }
  };
  const items = [
    { key: 'ent-csv', label: t('export.enterprisesCsv'), onClick: run('csv', () => download(exportEnterprisesCsv(view.enterprises), `enterprises-${stamp}.csv`, CSV)) },
    { key: 'ent-xlsx', label: t('export.enterprisesXlsx'), onClick: run('xlsx', async () => download(await exportEnterprisesXlsx(view.enterprises), `enterprises-${stamp}.xlsx`, XLSX)) },
    { key: 'work-csv', label: t('export.worklistCsv'), onClick: run('csv', () => download(exportWorklistCsv(worklist()), `worklist-${stamp}.csv`, CSV)) },
    { key: 'work-xlsx', label: t('export.worklistXlsx'), onClick: run('xlsx', async () => download(await exportWorklistXlsx(worklist()), `worklist-${stamp}.xlsx`, XLSX)) },
    { key: 'areas', label: t('export.areasXlsx'), onClick: run('xlsx', async () => download(await exportAreasXlsx(view.report.areas), `areas-${stamp}.xlsx`, XLSX)) },
    { key: 'report-xlsx', label: t('export.reportXlsx'), onClick: run('xlsx', async () => download(await exportReportXlsx(view.report), `plan-${stamp}.xlsx`, XLSX)) },
    { key: 'report-json', label: t('export.reportJson'), onClick: run('json', () => download(JSON.stringify(view.report), `plan-${stamp}.json`, 'application/json')) },
    { key: 'geo-ent', label: t('export.geoEnterprises'), onClick: run('geojson', () => download(JSON.stringify(enterprisesGeoJson(view.enterprises).geojson), `enterprises-${stamp}.geojson`, JSON_TYPE)) },
    { key: 'geo-buildings', label: t('export.geoBuildings'), onClick: run('geojson', () => download(JSON.stringify(view.buildings), `buildings-${stamp}.geojson`, JSON_TYPE)) },
    { key: 'geo-zones', label: t('export.geoZones'), onClick: run('geojson', () => download(JSON.stringify(view.zones), `zones-${stamp}.geojson`, JSON_TYPE)) },
    { key: 'geo-areas', label: t('export.geoAreas'), onClick: run('geojson', () => download(JSON.stringify(view.areas), `areas-${stamp}.geojson`, JSON_TYPE)) },
    {
      key: 'geo-clusters',
      label: t('export.geoClusters'),
      onClick: run('geojson', () =>
        download(JSON.stringify({ type: 'FeatureCollection', features: view.report.clusters.map((c) => ({ type: 'Feature', properties: { id: c.id, enterprises: c.enterprise_ids.length }, geometry: c.geometry })) }), `clusters-${stamp}.geojson`, JSON_TYPE),
      ),
    },
  ];
  return (
    <Dropdown trigger={['click']} menu={{ items }}>
      <Button size="small" data-testid="export-menu">{t('export.button')}</Button>
    </Dropdown>
  );
}
