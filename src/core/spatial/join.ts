/** Enterprise → building / zone / area joins through packed polygon indexes. */
import type { Area, Building, Enterprise, Zone } from '../model/types';
import type { EnterpriseTable } from '../model/enterprise-table';
import { createPolygonIndex, type PolygonIndex } from './polygon-index';

export interface SpatialJoin {
  /** Per enterprise: index into buildings / zones / areas, or -1. */
  building: Int32Array;
  zone: Int32Array;
  district: Int32Array;
  street: Int32Array;
}

/** Each enterprise's polygon, or -1; with `only`, just the enterprises listed, into `only.into` (the others keep what they hold). */
export function locateAll(table: EnterpriseTable, index: PolygonIndex, only?: { indices: readonly number[]; into: Int32Array }): Int32Array {
  const out = only?.into ?? new Int32Array(table.count).fill(-1);
  const locateOne = (i: number) => {
    const lon = table.lon[i];
    out[i] = lon === lon && index.size > 0 ? index.locate(lon, table.lat[i]) : -1;
  };
  if (only) for (const i of only.indices) locateOne(i);
  else if (index.size > 0) for (let i = 0; i < table.count; i++) locateOne(i);
  return out;
}

export interface PlaceIndexes {
  buildings: PolygonIndex;
  zones: PolygonIndex;
  districts: { index: PolygonIndex; areaOf: number[] };
  streets: { index: PolygonIndex; areaOf: number[] };
}

export function buildPlaceIndexes(buildings: readonly Building[], zones: readonly Zone[], areas: readonly Area[]): PlaceIndexes {
  const districtAreas = areas.flatMap((a, i) => (a.level === 'district' ? [i] : []));
  const streetAreas = areas.flatMap((a, i) => (a.level === 'street' ? [i] : []));
  return {
    buildings: createPolygonIndex(buildings.map((b) => b.geometry)),
    zones: createPolygonIndex(zones.map((z) => z.geometry)),
    districts: { index: createPolygonIndex(districtAreas.map((i) => areas[i].geometry)), areaOf: districtAreas },
    streets: { index: createPolygonIndex(streetAreas.map((i) => areas[i].geometry)), areaOf: streetAreas },
  };
}

/**
 * District and street of every enterprise: the row's own `district` / `street` (area id or name)
 * when it names a known area, otherwise the area its point falls in.
 */
export function joinEnterprisesToAreas(
  table: EnterpriseTable,
  enterprises: readonly Enterprise[],
  areas: readonly Area[],
  indexes: Pick<PlaceIndexes, 'districts' | 'streets'>,
  /** Join only these enterprises, into `into` (the others keep what they hold); default: all, into new arrays. */
  only?: { indices: readonly number[]; into: { district: Int32Array; street: Int32Array } },
): { district: Int32Array; street: Int32Array } {
  const byKey = new Map<string, number>();
  areas.forEach((a, i) => {
    byKey.set(`${a.level}:${a.id}`, i);
    if (!byKey.has(`${a.level}:${a.name}`)) byKey.set(`${a.level}:${a.name}`, i);
  });
  const { index: districtIndex, areaOf: districts } = indexes.districts;
  const { index: streetIndex, areaOf: streets } = indexes.streets;
  const district = only?.into.district ?? new Int32Array(table.count).fill(-1);
  const street = only?.into.street ?? new Int32Array(table.count).fill(-1);
  const joinOne = (i: number) => {
    const e = enterprises[i];
    const lon = table.lon[i];
    const lat = table.lat[i];
    const mapped = lon === lon;
    let s = byKey.get(`street:${e.street.trim()}`) ?? -1;
    if (s < 0 && mapped) {
      const k = streetIndex.locate(lon, lat);
      s = k < 0 ? -1 : streets[k];
    }
    let d = byKey.get(`district:${e.district.trim()}`) ?? -1;
    if (d < 0 && s >= 0 && areas[s].parent) d = byKey.get(`district:${areas[s].parent}`) ?? -1;
    if (d < 0 && mapped) {
      const k = districtIndex.locate(lon, lat);
      d = k < 0 ? -1 : districts[k];
    }
    district[i] = d;
    street[i] = s;
  };
  if (only) for (const i of only.indices) joinOne(i);
  else for (let i = 0; i < table.count; i++) joinOne(i);
  return { district, street };
}
