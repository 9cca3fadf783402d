/**
 * The synthetic 临浦镇 (萧山区) dataset as it stood before its pilot: 587 organizations surveyed,
 * none with a Party organization yet; 48 with 3+ formal members (2 with 100+ members, 2 with 51–99,
 * 44 with 3–50) and 225 that must be covered (30+ employees or any member).
 */
import type { Building, Dataset, Enterprise, Zone } from '../../core/model/types';
import { createRandom, type Random } from '../../core/util/random';
import { createPolygonIndex } from '../../core/spatial/polygon-index';
import { metresToDegrees } from '../../core/spatial/geo';
import { blob, footprint, polygonOf, type Site } from './geometry';
import { makeEnterprise, type SizeProfile } from './enterprise-attributes';
import { demoLeader } from './leaders';

export const LINPU_TARGETS = {
  surveyed: 587,
  standalone: { committee: 2, generalBranch: 2, branch: 44 },
  mustCover: 225,
} as const;

const SEED = 2011_0330;
const CENTRE: Site = [120.255, 30.058];
const DISTRICT = { code: '330109', name: '萧山区' };
const TOWN = { id: '330109105', name: '临浦镇' };

function sizes(rng: Random): SizeProfile[] {
  const list: SizeProfile[] = [];
  const add = (n: number, make: () => SizeProfile) => {
    for (let i = 0; i < n; i++) list.push(make());
  };
  // Own organizations: level follows total members.
  add(2, () => ({ employees: rng.int(1500, 3200), formal: rng.int(96, 120), probationary: rng.int(4, 9) }));
  add(2, () => ({ employees: rng.int(600, 1400), formal: rng.int(48, 88), probationary: 3 }));
  add(44, () => {
    const formal = rng.int(3, 12);
    return { employees: rng.int(20, 400), formal, probationary: rng.int(0, 2) };
  });
  // Must-cover without an own org: 1–2 formal members, probationary only, or 30+ employees.
  add(58, () => ({ employees: rng.int(3, 180), formal: 2, probationary: rng.chance(0.15) ? 1 : 0 }));
  add(47, () => ({ employees: rng.int(3, 150), formal: 1, probationary: rng.chance(0.1) ? 1 : 0 }));
  add(12, () => ({ employees: rng.int(5, 60), formal: 0, probationary: rng.int(1, 2) }));
  add(60, () => ({ employees: rng.int(30, 260), formal: 0, probationary: 0 }));
  // The rest: small, no members.
  add(LINPU_TARGETS.surveyed - list.length, () => ({ employees: rng.int(1, 29), formal: 0, probationary: 0 }));
  // Shuffle so that member-carrying enterprises are spread over the town.
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

export function generateLinpu(): Dataset {
  const rng = createRandom(SEED);
  const town = blob(rng, CENTRE[0], CENTRE[1], 3200, 1.15, 16);
  const district = blob(rng, CENTRE[0] + 0.02, CENTRE[1] + 0.06, 14000, 1, 18);
  const zones: Zone[] = [
    { id: 'LZ1', name: '临浦工业园区', kind: 'park', geometry: blob(rng, CENTRE[0] + 0.014, CENTRE[1] - 0.008, 900) },
    { id: 'LZ2', name: '临浦商贸城', kind: 'market', geometry: blob(rng, CENTRE[0] - 0.006, CENTRE[1] + 0.004, 260) },
    { id: 'LZ3', name: '峙山村', kind: 'village', geometry: blob(rng, CENTRE[0] - 0.018, CENTRE[1] - 0.014, 600) },
  ];
  const buildings: Building[] = [];
  const { dLon, dLat } = metresToDegrees(80, CENTRE[1]);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 4; c++) {
      buildings.push({
        id: `LB${buildings.length + 1}`,
        name: `临浦商务楼${buildings.length + 1}号`,
        floors: rng.int(5, 18),
        geometry: footprint(CENTRE[0] + 0.004 + c * dLon, CENTRE[1] + 0.002 + r * dLat, 36, 30, 0.1),
      });
    }
  }
  const townIndex = createPolygonIndex([town]);
  const zoneIndex = createPolygonIndex(zones.map((z) => z.geometry));
  const buildingIndex = createPolygonIndex(buildings.map((b) => b.geometry));
  const inside = (index: ReturnType<typeof createPolygonIndex>, k: number, geometry: Zone['geometry']) => {
    const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0];
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    for (;;) {
      const x = Math.min(...xs) + rng.next() * (Math.max(...xs) - Math.min(...xs));
      const y = Math.min(...ys) + rng.next() * (Math.max(...ys) - Math.min(...ys));
      if (index.locate(x, y) === k) return [x, y] as const;
    }
  };
  const enterprises: Enterprise[] = sizes(rng).map((size, k) => {
    const where = rng.weighted(['park', 'market', 'village', 'building', 'scatter'], [0.4, 0.12, 0.08, 0.08, 0.32]);
    let point: readonly [number, number];
    if (where === 'park') point = inside(zoneIndex, 0, zones[0].geometry);
    else if (where === 'market') point = inside(zoneIndex, 1, zones[1].geometry);
    else if (where === 'village') point = inside(zoneIndex, 2, zones[2].geometry);
    else if (where === 'building') {
      const b = rng.int(0, buildings.length - 1);
      point = inside(buildingIndex, b, buildings[b].geometry);
    } else point = inside(townIndex, 0, town);
    return makeEnterprise(rng, {
      id: `LP${String(k + 1).padStart(4, '0')}`, districtName: DISTRICT.name, districtCode: DISTRICT.code, streetName: TOWN.name,
      lon: point[0], lat: point[1], urban: false, size, completeSixClears: true,
    }, k + 2);
  });
  return {
    name: '临浦镇（合成示例数据，试点前）Linpu, synthetic, before the pilot',
    crs: 'wgs84',
    enterprises,
    buildings,
    zones,
    areas: [
      { id: DISTRICT.code, name: DISTRICT.name, level: 'district', parent: null, geometry: district, leader: demoLeader(DISTRICT.code) },
      { id: TOWN.id, name: TOWN.name, level: 'street', parent: DISTRICT.code, geometry: polygonOf(town.coordinates[0].slice(0, -1)), leader: demoLeader(TOWN.id) },
    ],
    organizations: [],
    rules: {},
  };
}
