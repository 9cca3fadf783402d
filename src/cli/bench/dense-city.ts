/**
 * A dense synthetic city for the benchmark: the register the issue-14 review measured against.
 * About 40 % of the enterprises are must-cover (30+ employees or any member), and most enterprises
 * have hundreds of others within 1 km: the city's area grows with the register, its density stays.
 * Coordinates can be written in GCJ-02, as Chinese registers come. Districts and streets have
 * boundaries of thousands of corners (./boundaries.ts).
 */
import gcoord from 'gcoord';
import type { Building, Dataset, Enterprise, Zone } from '../../core/model/types';
import { createRandom } from '../../core/util/random';
import { metresToDegrees } from '../../core/spatial/geo';
import { latticeAreas } from './boundaries';
import { creditCode } from '../demo/enterprise-attributes';
import { NAME_CHARS, ROAD_NAMES } from '../demo/hangzhou-places';

const LON0 = 120.05;
const LAT0 = 30.15;
/** Enterprises per square kilometre, on average over the whole city. */
const DENSITY_PER_KM2 = 450;
/** One busy centre (a business district, a market street) per this many enterprises. */
const ENTERPRISES_PER_CENTRE = 2_500;
const CENTRE_SIGMA_M = 900;
/** Share of enterprises spread evenly over the city rather than around a centre. */
const BACKGROUND_SHARE = 0.3;
const IN_BUILDING_SHARE = 0.35;
const ENTERPRISES_PER_BUILDING = 12;
const ENTERPRISES_PER_ZONE = 400;
/** The districts reach this far beyond the city's square (enterprises round a centre near its edge). */
const BOUNDARY_MARGIN_M = 2_000;
const INVALID_CODE_SHARE = 0.02;
const FIRM_KINDS = ['科技', '贸易', '实业', '电子商务', '建筑工程', '餐饮管理', '物流', '咨询'] as const;
const INDUSTRIES = ['制造业', '批发和零售业', '信息技术', '商务服务', '科学研究', '住宿和餐饮业'] as const;

const square = (lon: number, lat: number, halfM: number) => {
  const { dLon, dLat } = metresToDegrees(halfM, lat);
  return { type: 'Polygon' as const, coordinates: [[[lon - dLon, lat - dLat], [lon + dLon, lat - dLat], [lon + dLon, lat + dLat], [lon - dLon, lat + dLat], [lon - dLon, lat - dLat]]] };
};

export interface DenseCityOptions {
  seed?: number;
}

/** Side of the city in metres for `enterpriseCount` enterprises at the fixed density. */
export function denseCitySideM(enterpriseCount: number): number {
  return Math.sqrt(enterpriseCount / DENSITY_PER_KM2) * 1000;
}

export function denseCity(enterpriseCount: number, options: DenseCityOptions = {}): Dataset {
  const rng = createRandom(options.seed ?? 14);
  const sideM = denseCitySideM(enterpriseCount);
  const { dLon: sideLon, dLat: sideLat } = metresToDegrees(sideM, LAT0);
  const centres = Array.from({ length: Math.max(4, Math.round(enterpriseCount / ENTERPRISES_PER_CENTRE)) }, () => [LON0 + rng.next() * sideLon, LAT0 + rng.next() * sideLat] as const);
  const sigma = metresToDegrees(CENTRE_SIGMA_M, LAT0);
  const place = (): readonly [number, number] => {
    if (rng.chance(BACKGROUND_SHARE)) return [LON0 + rng.next() * sideLon, LAT0 + rng.next() * sideLat];
    const [cx, cy] = rng.pick(centres);
    return [cx + rng.normal(0, sigma.dLon), cy + rng.normal(0, sigma.dLat)];
  };

  // Buildings on a 90 m lattice near the centres, never overlapping.
  const buildingCount = Math.round(enterpriseCount / ENTERPRISES_PER_BUILDING);
  const buildings: Building[] = [];
  const taken = new Set<string>();
  const cell = metresToDegrees(90, LAT0);
  for (let tries = 0; buildings.length < buildingCount && tries < buildingCount * 20; tries++) {
    const [cx, cy] = rng.pick(centres);
    const x = cx + rng.normal(0, sigma.dLon);
    const y = cy + rng.normal(0, sigma.dLat);
    const key = `${Math.round(x / cell.dLon)}:${Math.round(y / cell.dLat)}`;
    if (taken.has(key)) continue;
    taken.add(key);
    buildings.push({ id: `DB${buildings.length}`, name: `大厦${buildings.length}`, floors: 8 + rng.int(0, 30), geometry: square(Math.round(x / cell.dLon) * cell.dLon, Math.round(y / cell.dLat) * cell.dLat, 15 + rng.next() * 25) });
  }
  const zones: Zone[] = Array.from({ length: Math.max(2, Math.round(enterpriseCount / ENTERPRISES_PER_ZONE)) }, (_, k) => {
    const [x, y] = place();
    return { id: `DZ${k}`, name: `园区${k}`, kind: rng.pick(['business_district', 'park', 'market', 'village'] as const), geometry: square(x, y, 200 + rng.next() * 500) };
  });

  // Names, credit codes and addresses from a stream of their own: the layout stays that of the seed.
  const words = createRandom((options.seed ?? 14) + 1);
  const enterprises: Enterprise[] = [];
  for (let i = 0; i < enterpriseCount; i++) {
    let lon: number;
    let lat: number;
    if (buildings.length > 0 && rng.chance(IN_BUILDING_SHARE)) {
      const ring = rng.pick(buildings).geometry.coordinates[0] as number[][];
      lon = ring[0][0] + (ring[2][0] - ring[0][0]) * (0.1 + 0.8 * rng.next());
      lat = ring[0][1] + (ring[2][1] - ring[0][1]) * (0.1 + 0.8 * rng.next());
    } else [lon, lat] = place();
    // Sizes: a fatter tail than the demo city's, so about 40 % are must-cover.
    const employees = Math.max(1, Math.round(rng.logNormal(16, 1.1)));
    const formal = rng.chance(0.015) ? 3 + rng.poisson(3) : rng.chance(Math.min(0.5, 0.1 + employees / 400)) ? 1 + (rng.chance(0.25) ? 1 : 0) : 0;
    const probationary = formal > 0 ? (rng.chance(0.1) ? 1 : 0) : rng.chance(0.01) ? 1 : 0;
    enterprises.push({
      row: i + 2, id: `D${i}`, name: `杭州${words.pick(NAME_CHARS)}${words.pick(NAME_CHARS)}${words.pick(FIRM_KINDS)}有限公司`,
      // As registers come: the credit code filled in, a few with a wrong check character.
      creditCode: creditCode(words, '330109', !words.chance(INVALID_CODE_SHARE)), district: '', street: '',
      address: `杭州市${words.pick(ROAD_NAMES)}${words.int(1, 999)}号${words.chance(0.4) ? `${words.int(1, 30)}楼${words.int(1, 20)}室` : ''}`, lon, lat,
      employees, partyMembers: formal, probationaryMembers: probationary,
      registeredCapital: Math.round(rng.logNormal(100, 1.3)), industry: rng.pick(INDUSTRIES),
      status: rng.chance(0.04) ? '注销' : '正常', ownerIsMember: rng.chance(0.05), orgId: rng.chance(0.3) ? 'O1' : '', workCovered: rng.chance(0.1), extra: {},
    });
  }
  const margin = metresToDegrees(BOUNDARY_MARGIN_M, LAT0);
  return {
    name: `dense ${enterpriseCount}`, crs: 'wgs84', rules: {},
    organizations: [{ id: 'O1', name: '既有党组织', level: 'branch', form: 'area', parentId: null }],
    enterprises, buildings, zones,
    areas: latticeAreas({ lon0: LON0 - margin.dLon, lat0: LAT0 - margin.dLat, sideM: sideM + 2 * BOUNDARY_MARGIN_M }),
  };
}

/** The same enterprises with GCJ-02 coordinates (what AMap and Tencent give), for the import path. */
export function toGcj02(enterprises: readonly Enterprise[]): Enterprise[] {
  return enterprises.map((e) => {
    if (e.lon === null || e.lat === null) return e;
    const [lon, lat] = gcoord.transform([e.lon, e.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    return { ...e, lon, lat };
  });
}
