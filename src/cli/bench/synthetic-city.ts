/** A synthetic city of any size for the benchmark: clustered enterprises, square buildings, 300 zones. */
import type { Building, Dataset, Enterprise, Zone } from '../../core/model/types';
import { createRandom } from '../../core/util/random';
import { metresToDegrees } from '../../core/spatial/geo';
import { typicalSize } from '../demo/enterprise-attributes';

const LON0 = 120.0;
const LAT0 = 30.0;
/** City extent: about 60 km × 60 km. */
const SPAN_DEG = 0.6;

const square = (lon: number, lat: number, halfM: number) => {
  const { dLon, dLat } = metresToDegrees(halfM, lat);
  return { type: 'Polygon' as const, coordinates: [[[lon - dLon, lat - dLat], [lon + dLon, lat - dLat], [lon + dLon, lat + dLat], [lon - dLon, lat + dLat], [lon - dLon, lat - dLat]]] };
};

export function syntheticCity(enterpriseCount: number, buildingCount: number, zoneCount = 300, seed = 7): Dataset {
  const rng = createRandom(seed);
  const centres = Array.from({ length: 40 }, () => [LON0 + rng.next() * SPAN_DEG, LAT0 + rng.next() * SPAN_DEG] as const);
  const around = (sigmaM: number) => {
    const [cx, cy] = rng.pick(centres);
    const { dLon, dLat } = metresToDegrees(sigmaM, cy);
    return [cx + rng.normal(0, dLon), cy + rng.normal(0, dLat)] as const;
  };
  // Buildings on a jittered lattice near the centres, never overlapping (cells of 120 m).
  const buildings: Building[] = [];
  const taken = new Set<string>();
  const cell = metresToDegrees(120, LAT0);
  while (buildings.length < buildingCount) {
    const [x, y] = around(2500);
    const key = `${Math.round(x / cell.dLon)}:${Math.round(y / cell.dLat)}`;
    if (taken.has(key)) continue;
    taken.add(key);
    const lon = Math.round(x / cell.dLon) * cell.dLon;
    const lat = Math.round(y / cell.dLat) * cell.dLat;
    buildings.push({ id: `B${buildings.length}`, name: `楼${buildings.length}`, floors: 10, geometry: square(lon, lat, 15 + rng.next() * 35) });
  }
  const zones: Zone[] = Array.from({ length: zoneCount }, (_, k) => {
    const [x, y] = around(4000);
    return { id: `Z${k}`, name: `区${k}`, kind: rng.pick(['business_district', 'park', 'market', 'village'] as const), geometry: square(x, y, 300 + rng.next() * 900) };
  });
  const enterprises: Enterprise[] = [];
  for (let i = 0; i < enterpriseCount; i++) {
    let lon: number;
    let lat: number;
    if (rng.chance(0.35) && buildings.length > 0) {
      const ring = rng.pick(buildings).geometry.coordinates[0] as number[][];
      lon = ring[0][0] + (ring[2][0] - ring[0][0]) * (0.1 + 0.8 * rng.next());
      lat = ring[0][1] + (ring[2][1] - ring[0][1]) * (0.1 + 0.8 * rng.next());
    } else [lon, lat] = around(1500);
    const size = typicalSize(rng);
    enterprises.push({
      row: i + 2, id: `E${i}`, name: '', creditCode: '', district: '', street: '', address: '', lon, lat,
      employees: size.employees, partyMembers: size.formal, probationaryMembers: size.probationary,
      registeredCapital: Math.round(rng.logNormal(80, 1.3)), industry: rng.pick(['制造业', '批发和零售业', '信息技术', '商务服务']),
      status: rng.chance(0.04) ? '注销' : '正常', ownerIsMember: false, orgId: rng.chance(0.4) ? 'O1' : '', workCovered: rng.chance(0.1), extra: {},
    });
  }
  const district = square(LON0 + SPAN_DEG / 2, LAT0 + SPAN_DEG / 2, 40_000);
  return {
    name: `synthetic ${enterpriseCount}`, crs: 'wgs84', rules: {}, organizations: [{ id: 'O1', name: '', level: 'branch', form: 'area', parentId: null }],
    enterprises, buildings, zones,
    areas: [{ id: '339900', name: '合成区', level: 'district', parent: null, geometry: district }],
  };
}
