/**
 * Everything the plan can be taken away as: CSV (UTF-8 with BOM) and XLSX for spreadsheets, GeoJSON for
 * GIS. Office-ready: headers in the UI language, area names, rates as percentages, and file names that
 * say the scope and the date ("萧山区_工作清单_2026-12-01.xlsx"). The lists follow the area filter.
 */
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
import { exportText } from './export-text';
import { currentScopeName, exportFileName, recommendationName } from './names';

const XLSX = XLSX_TYPE;
const CSV = 'text/csv;charset=utf-8';
const JSON_TYPE = 'application/geo+json';

export function ExportMenu() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const view = useAppStore((s) => s.view);
  if (!view) return null;
  const text = () => exportText(t, view, i18n.language);
  // The chosen area (if any) is the scope of the lists and of the file name.
  const scope = () => {
    const areaId = usePlanningStore.getState().filter.areaId;
    const inScope = (index: number) => !areaId || view.areaList[view.district[index]]?.id === areaId || view.areaList[view.street[index]]?.id === areaId;
    return { name: currentScopeName(view), inScope };
  };
  const file = (what: string, ext: string) => exportFileName(view, scope().name, t(`files.${what}`), ext);
  const enterprises = () => {
    const { inScope } = scope();
    return view.enterprises.filter((_, i) => inScope(i));
  };
  // The same rows as the worklist tab: every uncovered must-cover enterprise.
  const worklist = (): WorklistExportRow[] => {
    const { inScope } = scope();
    return worklistRowsOf(view, usePlanningStore.getState().planItems).filter(({ index }) => inScope(index)).map(({ index, item }) => {
      const enterprise = view.enterprises[index];
      const rec = recommendationOfEnterprise(view, enterprise.id);
      return {
        enterprise,
        planItem: item ? { title: item.title, status: t(`plan.status.${item.status}`), owner: item.owner, instructor: item.instructor, dueDate: item.dueDate } : null,
        recommendationId: rec?.id ?? null,
        recommendationKind: rec ? t(`recommend.kind.${rec.kind}`) : null,
        recommendationName: rec ? recommendationName(rec) : null,
      };
    });
  };
  const run = (label: string, make: () => Promise<void> | void) => async () => {
    try {
      await make();
    } catch (error) {
      message.error(`${label}: ${(error as Error).message}`);
    }
  };
  const items = [
    { key: 'ent-csv', label: t('export.enterprisesCsv'), onClick: run('csv', () => download(exportEnterprisesCsv(enterprises(), text()), file('enterprises', 'csv'), CSV)) },
    { key: 'ent-xlsx', label: t('export.enterprisesXlsx'), onClick: run('xlsx', async () => download(await exportEnterprisesXlsx(enterprises(), text()), file('enterprises', 'xlsx'), XLSX)) },
    { key: 'work-csv', label: t('export.worklistCsv'), onClick: run('csv', () => download(exportWorklistCsv(worklist(), text()), file('worklist', 'csv'), CSV)) },
    { key: 'work-xlsx', label: t('export.worklistXlsx'), onClick: run('xlsx', async () => download(await exportWorklistXlsx(worklist(), text()), file('worklist', 'xlsx'), XLSX)) },
    { key: 'areas', label: t('export.areasXlsx'), onClick: run('xlsx', async () => download(await exportAreasXlsx(view.report.areas, text()), file('areas', 'xlsx'), XLSX)) },
    { key: 'report-xlsx', label: t('export.reportXlsx'), onClick: run('xlsx', async () => download(await exportReportXlsx(view.report, text()), file('report', 'xlsx'), XLSX)) },
    { key: 'report-json', label: t('export.reportJson'), onClick: run('json', () => download(JSON.stringify(view.report), file('report', 'json'), 'application/json')) },
    { key: 'geo-ent', label: t('export.geoEnterprises'), onClick: run('geojson', () => download(JSON.stringify(enterprisesGeoJson(enterprises(), text()).geojson), file('geoEnterprises', 'geojson'), JSON_TYPE)) },
    { key: 'geo-buildings', label: t('export.geoBuildings'), onClick: run('geojson', () => download(JSON.stringify(view.buildings), file('geoBuildings', 'geojson'), JSON_TYPE)) },
    { key: 'geo-zones', label: t('export.geoZones'), onClick: run('geojson', () => download(JSON.stringify(view.zones), file('geoZones', 'geojson'), JSON_TYPE)) },
    { key: 'geo-areas', label: t('export.geoAreas'), onClick: run('geojson', () => download(JSON.stringify(view.areas), file('geoAreas', 'geojson'), JSON_TYPE)) },
    {
      key: 'geo-clusters',
      label: t('export.geoClusters'),
      onClick: run('geojson', () =>
        download(JSON.stringify({ type: 'FeatureCollection', features: view.report.clusters.map((c) => ({ type: 'Feature', properties: { id: c.id, enterprises: c.enterprise_ids.length }, geometry: c.geometry })) }), file('geoClusters', 'geojson'), JSON_TYPE),
      ),
    },
  ];
  return (
    <Dropdown trigger={['click']} menu={{ items: items.map((item) => ({ ...item, 'data-testid': `export-${item.key}` })) }}>
      <Button size="small" data-testid="export-menu">{t('export.button')}</Button>
    </Dropdown>
  );
}
