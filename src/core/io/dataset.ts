/**
 * A dataset folder's files (as bytes or text, however they were read) → one Dataset plus every
 * problem found. Shared by the app's worker, the importer and the CLI.
 */
import type { Crs, Dataset, RuleProfile } from '../model/types';
import { parseEnterprisesCsv } from './enterprises-csv';
import { parseAreas, parseBuildings, parseZones } from './geojson';
import { parseOrganizationsCsv } from './organizations-csv';
import { problem, type Problem } from './problems';
import { decodeText } from './text';
import { createPolygonIndex } from '../spatial/polygon-index';

export const DATASET_FILES = ['dataset.json', 'enterprises.csv', 'buildings.geojson', 'zones.geojson', 'areas.geojson', 'organizations.csv'] as const;
export type DatasetFileName = (typeof DATASET_FILES)[number];
export type DatasetFiles = Partial<Record<DatasetFileName, Uint8Array | string>>;

export interface DatasetParseResult {
  dataset: Dataset;
  problems: Problem[];
  /** The dataset cannot be planned (no enterprises file, no header). */
  unusable: boolean;
}

const asText = (content: Uint8Array | string): string => (typeof content === 'string' ? content : decodeText(content).text);

export function parseDatasetFiles(files: DatasetFiles, fallbackName = 'dataset'): DatasetParseResult {
  const problems: Problem[] = [];
  let meta: { name?: string; crs?: Crs; rules?: Partial<RuleProfile> } = {};
  if (files['dataset.json'] !== undefined) {
    try {
      meta = JSON.parse(asText(files['dataset.json']));
    } catch (error) {
      problems.push(problem('dataset.json', 0, '', (error as Error).message, 'bad_json', 'error', 'dataset.json 不是有效的 JSON', 'dataset.json is not valid JSON'));
    }
  }
  const crs: Crs = meta.crs === 'gcj02' || meta.crs === 'bd09' ? meta.crs : 'wgs84';
  if (meta.crs !== undefined && meta.crs !== crs) {
    problems.push(problem('dataset.json', 0, 'crs', String(meta.crs), 'bad_value', 'error', '未知的坐标系，按 WGS-84 处理', 'Unknown crs: WGS-84 assumed'));
  }

  const enterprisesFile = files['enterprises.csv'];
  if (enterprisesFile === undefined) {
    problems.push(problem('enterprises.csv', 0, '', '', 'missing_file', 'error', '缺少 enterprises.csv', 'enterprises.csv is missing'));
  }
  const parsedEnterprises = enterprisesFile === undefined ? null : parseEnterprisesCsv(asText(enterprisesFile), { crs });
  const buildings = files['buildings.geojson'] === undefined ? { buildings: [], problems: [] } : parseBuildings(asText(files['buildings.geojson']));
  const zones = files['zones.geojson'] === undefined ? { zones: [], problems: [] } : parseZones(asText(files['zones.geojson']));
  const areas = files['areas.geojson'] === undefined ? { areas: [], problems: [] } : parseAreas(asText(files['areas.geojson']));
  const orgs = files['organizations.csv'] === undefined ? { organizations: [], problems: [] } : parseOrganizationsCsv(asText(files['organizations.csv']));
  const enterprises = parsedEnterprises?.enterprises ?? [];
  problems.push(...(parsedEnterprises?.problems ?? []), ...buildings.problems, ...zones.problems, ...areas.problems, ...orgs.problems);

  const areaKeys = new Set(areas.areas.flatMap((a) => [a.id, a.name]));
  const districtIndex = createPolygonIndex(areas.areas.filter((a) => a.level === 'district').map((a) => a.geometry));
  const orgIds = new Set(orgs.organizations.map((o) => o.id));
  for (const e of enterprises) {
    if (areas.areas.length > 0) {
      for (const column of ['district', 'street'] as const) {
        const v = e[column].trim();
        if (v !== '' && !areaKeys.has(v)) problems.push(problem('enterprises.csv', e.row, column, v, 'unknown_area', 'warning', '区县或街道不在 areas.geojson 中，按坐标归属', 'Area not in areas.geojson: located by coordinates'));
      }
    }
    if (districtIndex.size > 0 && e.lon !== null && e.lat !== null && districtIndex.locate(e.lon, e.lat) < 0) {
      problems.push(problem('enterprises.csv', e.row, 'lon,lat', `${e.lon},${e.lat}`, 'outside_areas', 'warning', '坐标不在数据集的任何区县内', 'Coordinates lie outside every district of the dataset'));
    }
    if (e.orgId !== '' && files['organizations.csv'] !== undefined && !orgIds.has(e.orgId)) {
      problems.push(problem('enterprises.csv', e.row, 'org_id', e.orgId, 'unknown_org', 'warning', '所属党组织不在 organizations.csv 中（仍计为已覆盖）', 'Organization not in organizations.csv (still counted as covered)'));
    }
  }
  return {
    dataset: {
      name: meta.name ?? fallbackName,
      crs,
      enterprises,
      buildings: buildings.buildings,
      zones: zones.zones,
      areas: areas.areas,
      organizations: orgs.organizations,
      rules: meta.rules ?? {},
    },
    problems,
    unusable: parsedEnterprises === null || parsedEnterprises.problems.some((p) => p.code === 'no_header'),
  };
}
