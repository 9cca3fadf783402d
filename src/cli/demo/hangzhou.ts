/**
 * The synthetic Hangzhou demo: 13 districts and counties of 2011, generated town/street shapes,
 * zones the source names plus generated ones, ~2,800 office buildings, and enterprises whose
 * figures reproduce the source report (66,953 operating, 29,399 covered: 组建率 43.91%).
 */
import type { Area, Building, Dataset, Enterprise, Organization, Zone, ZoneKind } from '../../core/model/types';
import { createRandom, type Random } from '../../core/util/random';
import { createPolygonIndex } from '../../core/spatial/polygon-index';
import { metresToDegrees } from '../../core/spatial/geo';
import { labelPoint } from '../../core/spatial/label-point';
import { blob, densify, footprint, polygonOf, voronoiCells, warp, type Ring, type Site } from './geometry';
import { HANGZHOU_DISTRICTS, HANGZHOU_OUTLINE, NAMED_ZONES, type DistrictFact } from './hangzhou-places';
import { demoLeader } from './leaders';
import { makeEnterprise, typicalSize } from './enterprise-attributes';

export const HANGZHOU_TARGETS = { operating: 66_953, covered: 29_399, outOfScope: 3_100 } as const;
const SEED = 20111109;
const BORDER_WARP_DEG = 0.0025;

function ringOf(p: Area['geometry']): Ring {
  return (p.type === 'Polygon' ? p.coordinates[0] : p.coordinates[0][0]).slice(0, -1);
}

function bboxOf(ring: Ring): [number, number, number, number] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** A uniformly random point inside `ring` (rejection from its bounding box). */
function pointIn(rng: Random, ring: Ring, contains: (x: number, y: number) => boolean): [number, number] {
  const [minX, minY, maxX, maxY] = bboxOf(ring);
  for (let k = 0; k < 200; k++) {
    const x = minX + rng.next() * (maxX - minX);
    const y = minY + rng.next() * (maxY - minY);
    if (contains(x, y)) return [x, y];
  }
  return [(minX + maxX) / 2, (minY + maxY) / 2];
}

function streetSites(rng: Random, d: DistrictFact, cell: Ring, contains: (x: number, y: number) => boolean): Site[] {
  const sites: Site[] = [d.seat];
  const [minX, minY, maxX, maxY] = bboxOf(cell);
  const minGap = Math.sqrt(((maxX - minX) * (maxY - minY)) / d.streets.length) * 0.45;
  for (let tries = 0; sites.length < d.streets.length && tries < 20_000; tries++) {
    const p: Site = [minX + rng.next() * (maxX - minX), minY + rng.next() * (maxY - minY)];
    if (!contains(p[0], p[1])) continue;
    if (sites.every((s) => Math.hypot(s[0] - p[0], s[1] - p[1]) > minGap * (tries > 10_000 ? 0.5 : 1))) sites.push(p);
  }
  return sites;
}

interface Geography {
  areas: Area[];
  districtOfStreet: Map<string, DistrictFact>;
  streetSeeds: Map<string, Site>;
}

function buildAreas(rng: Random): Geography {
  const districtRings = voronoiCells(HANGZHOU_OUTLINE, HANGZHOU_DISTRICTS.map((d) => d.seat));
  const areas: Area[] = [];
  const streets: Area[] = [];
  const districtOfStreet = new Map<string, DistrictFact>();
  const streetSeeds = new Map<string, Site>();
  const bend = (ring: Ring) => densify(ring, 0.004).map((p) => warp(p, BORDER_WARP_DEG));
  HANGZHOU_DISTRICTS.forEach((d, k) => {
    const cell = districtRings[k];
    const index = createPolygonIndex([polygonOf(cell)]);
    const sites = streetSites(rng, d, cell, (x, y) => index.locate(x, y) === 0);
    const streetRings = voronoiCells(cell, sites);
    areas.push({ id: d.code, name: d.name, level: 'district', parent: null, geometry: polygonOf(bend(cell)), leader: demoLeader(d.code) });
    d.streets.slice(0, sites.length).forEach((name, s) => {
      if (streetRings[s].length < 3) return;
      const id = `${d.code}${String(s + 1).padStart(3, '0')}`;
      streets.push({ id, name, level: 'street', parent: d.code, geometry: polygonOf(bend(streetRings[s])), leader: demoLeader(id) });
      districtOfStreet.set(id, d);
      streetSeeds.set(id, sites[s]);
    });
  });
  return { areas: [...areas, ...streets], districtOfStreet, streetSeeds };
}

/** Office buildings in blocks on a small grid: one block is one building cluster. */
function buildingBlock(rng: Random, at: Site, count: number, prefix: string, into: Building[], accept: (x: number, y: number) => boolean): void {
  const side = Math.ceil(Math.sqrt(count));
  const { dLon, dLat } = metresToDegrees(85, at[1]);
  let made = 0;
  for (let r = 0; r < side && made < count; r++) {
    for (let c = 0; c < side && made < count; c++) {
      const x = at[0] + (c - side / 2) * dLon;
      const y = at[1] + (r - side / 2) * dLat;
      if (!accept(x, y)) continue;
      made++;
      const n = into.length + 1;
      into.push({
        id: `B${String(n).padStart(5, '0')}`,
        name: `${prefix}${made}号楼`,
        floors: rng.int(6, 42),
        geometry: footprint(x, y, rng.int(28, 55), rng.int(24, 45), rng.next() * 0.5 - 0.25),
      });
    }
  }
}

interface Places {
  buildings: Building[];
  zones: Zone[];
}

function buildPlaces(rng: Random, geo: Geography): Places {
  const zones: Zone[] = [];
  const buildings: Building[] = [];
  const zoneShapes: ReturnType<typeof createPolygonIndex>[] = [];
  const addZone = (name: string, kind: ZoneKind, at: Site, radiusM: number, stretch = 1) => {
    const geometry = blob(rng, at[0], at[1], radiusM, stretch);
    zones.push({ id: `Z${String(zones.length + 1).padStart(3, '0')}`, name, kind, geometry });
    zoneShapes.push(createPolygonIndex([geometry]));
    return zones.length - 1;
  };
  const inZone = (z: number) => (x: number, y: number) => zoneShapes[z].locate(x, y) === 0;
  const outsideZones = (x: number, y: number) => zoneShapes.every((s) => s.locate(x, y) < 0);
  const blocksInZone = (z: number, count: number) => {
    const ring = ringOf(zones[z].geometry);
    for (let made = 0, b = 0; made < count && b < 60; b++) {
      const size = Math.min(count - made, rng.int(5, 10));
      buildingBlock(rng, pointIn(rng, ring, inZone(z)), size, `${zones[z].name}${b + 1}幢`, buildings, inZone(z));
      made += size;
    }
  };

  for (const f of NAMED_ZONES) blocksInZone(addZone(f.name, f.kind, f.at, f.radiusM, f.stretch), f.buildings);

  const streetsOf = (d: DistrictFact) => [...geo.streetSeeds].filter(([id]) => geo.districtOfStreet.get(id) === d);
  const shortName = (name: string) => name.replace(/(街道|镇|乡)$/, '');
  for (const d of HANGZHOU_DISTRICTS) {
    const streets = streetsOf(d);
    const areaOf = (id: string) => geo.areas.find((a) => a.id === id) as Area;
    if (d.urban) {
      const [id, seed] = streets[1 % streets.length];
      const z = addZone(`${shortName(areaOf(id).name)}商圈`, 'business_district', [seed[0] + 0.004, seed[1] - 0.003], 420);
      blocksInZone(z, 30);
      for (const [sid, s] of streets) {
        const at: Site = [s[0] + rng.normal(0, 0.004), s[1] + rng.normal(0, 0.004)];
        if (outsideZones(at[0], at[1])) buildingBlock(rng, at, rng.int(5, 11), `${shortName(areaOf(sid).name)}大厦`, buildings, outsideZones);
      }
    } else {
      streets.slice(0, 3).forEach(([id, s], k) => {
        const z = addZone(`${d.name.slice(0, 2)}${shortName(areaOf(id).name)}工业园区`, 'park', [s[0] + 0.012, s[1] + 0.006 * (k - 1)], 1100);
        blocksInZone(z, rng.int(35, 55));
      });
      streets.slice(0, 2).forEach(([id, s], k) => addZone(`${shortName(areaOf(id).name)}${k === 0 ? '小商品市场' : '农贸市场'}`, 'market', [s[0] - 0.006, s[1] - 0.004], 260));
      streets.slice(3, 6).forEach(([id, s]) => addZone(`${shortName(areaOf(id).name)}${rng.pick(['新', '东', '西', '前', '后'])}${rng.pick(['塘', '山', '桥', '湾'])}村`, 'village', [s[0] - 0.01, s[1] + 0.008], 700));
    }
  }

  // 27 building communities' worth of buildings in 下城区, away from the zones.
  const xiacheng = geo.areas.find((a) => a.name === '下城区') as Area;
  const xiachengRing = ringOf(xiacheng.geometry);
  const xiachengIndex = createPolygonIndex([xiacheng.geometry]);
  const centres: Site[] = [];
  for (let tries = 0; centres.length < 27 && tries < 50_000; tries++) {
    const p = pointIn(rng, xiachengRing, (x, y) => xiachengIndex.locate(x, y) === 0);
    const { dLon, dLat } = metresToDegrees(480, p[1]);
    const clear = centres.every((c) => Math.hypot((c[0] - p[0]) / dLon, (c[1] - p[1]) / dLat) > 1);
    const freeOfBuildings = buildings.every((b) => {
      const [x, y] = ringOf(b.geometry)[0];
      return Math.hypot((x - p[0]) / dLon, (y - p[1]) / dLat) > 0.8;
    });
    if (clear && freeOfBuildings && outsideZones(p[0], p[1])) centres.push(p);
  }
  centres.forEach((c, k) => buildingBlock(rng, c, rng.int(3, 6), `下城楼宇社区${k + 1}区`, buildings, () => true));
  return { buildings, zones };
}

export function generateHangzhou(): Dataset {
  const rng = createRandom(SEED);
  const geo = buildAreas(rng);
  const { buildings, zones } = buildPlaces(rng, geo);
  const streetAreas = geo.areas.filter((a) => a.level === 'street');
  const streetIndex = createPolygonIndex(streetAreas.map((a) => a.geometry));
  const zoneIndex = createPolygonIndex(zones.map((z) => z.geometry));
  const buildingIndex = createPolygonIndex(buildings.map((b) => b.geometry));
  const locateStreet = (x: number, y: number) => streetIndex.locate(x, y);
  const districtAreas = geo.areas.filter((a) => a.level === 'district');
  const districtIndex = createPolygonIndex(districtAreas.map((a) => a.geometry));
  const areaOfDistrict = new Map(districtAreas.map((a) => [a.id, a.geometry]));

  // Buildings and zones per district, located by their first corner.
  const districtOfPoint = (x: number, y: number) => {
    const s = locateStreet(x, y);
    return s < 0 ? null : (geo.districtOfStreet.get(streetAreas[s].id) as DistrictFact);
  };
  const buildingsBy = new Map<DistrictFact, number[]>();
  buildings.forEach((b, k) => {
    const [x, y] = ringOf(b.geometry)[0];
    const d = districtOfPoint(x, y);
    if (d) buildingsBy.set(d, [...(buildingsBy.get(d) ?? []), k]);
  });
  const zonesBy = new Map<DistrictFact, number[]>();
  zones.forEach((z, k) => {
    const ring = ringOf(z.geometry);
    const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
    const cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
    const d = districtOfPoint(cx, cy);
    if (d) zonesBy.set(d, [...(zonesBy.get(d) ?? []), k]);
  });

  // Enterprises per district by share, largest remainder so the total is exact.
  const total = HANGZHOU_TARGETS.operating + HANGZHOU_TARGETS.outOfScope;
  const raw = HANGZHOU_DISTRICTS.map((d) => d.share * total);
  const counts = raw.map(Math.floor);
  const order = raw.map((r, k) => [r - Math.floor(r), k] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; counts.reduce((s, c) => s + c, 0) < total; k++) counts[order[k % order.length][1]]++;

  const enterprises: Enterprise[] = [];
  const place = new Map<string, { building: number; zone: number }>();
  HANGZHOU_DISTRICTS.forEach((d, k) => {
    const myBuildings = buildingsBy.get(d) ?? [];
    const myZones = zonesBy.get(d) ?? [];
    const myStreets = streetAreas.map((a, s) => [a, s] as const).filter(([a]) => a.parent === d.code);
    const sigma = d.urban ? 550 : 1900;
    for (let n = 0; n < counts[k]; n++) {
      const placePoint = (): Site => {
        const kind = rng.weighted(['building', 'zone', 'scatter'], d.urban ? [0.38, 0.17, 0.45] : [0.1, 0.4, 0.5]);
        if (kind === 'building' && myBuildings.length > 0) {
          const b = rng.weighted(myBuildings, myBuildings.map((i) => buildings[i].floors ?? 1));
          return pointIn(rng, ringOf(buildings[b].geometry), (x, y) => buildingIndex.locate(x, y) === b);
        }
        if (kind === 'zone' && myZones.length > 0) {
          const z = rng.pick(myZones);
          return pointIn(rng, ringOf(zones[z].geometry), (x, y) => zoneIndex.locate(x, y) === z);
        }
        const [street, s] = rng.weighted(myStreets, myStreets.map((_, i) => (i === 0 ? 3 : 1)));
        const seed = geo.streetSeeds.get(street.id) as Site;
        const { dLon, dLat } = metresToDegrees(sigma, seed[1]);
        for (let t = 0; t < 30; t++) {
          const p: Site = [seed[0] + rng.normal(0, dLon), seed[1] + rng.normal(0, dLat)];
          if (locateStreet(p[0], p[1]) === s) return p;
        }
        return seed;
      };
      // Every point lies inside both a street and a district outline (they are drawn separately).
      const inside = (p: Site) => locateStreet(p[0], p[1]) >= 0 && districtIndex.locate(p[0], p[1]) >= 0;
      let point = placePoint();
      for (let t = 0; t < 20 && !inside(point); t++) point = placePoint();
      if (!inside(point)) point = labelPoint(areaOfDistrict.get(d.code) as Area['geometry']);
      const s = locateStreet(point[0], point[1]);
      const street = s >= 0 ? streetAreas[s] : myStreets[0][0];
      const district = geo.districtOfStreet.get(street.id) as DistrictFact;
      const id = `HZ${String(enterprises.length + 1).padStart(6, '0')}`;
      enterprises.push(
        makeEnterprise(rng, {
          id, districtName: district.name, districtCode: district.code, streetName: street.name, lon: point[0], lat: point[1],
          urban: district.urban, size: typicalSize(rng), validCode: !rng.chance(0.0004),
        }, enterprises.length + 2),
      );
      place.set(id, { building: buildingIndex.locate(point[0], point[1]), zone: zoneIndex.locate(point[0], point[1]) });
    }
  });

  // Out of scope: a random set of rows with a closed / suspended status.
  const outOfScope = new Set<number>();
  while (outOfScope.size < HANGZHOU_TARGETS.outOfScope) outOfScope.add(rng.int(0, enterprises.length - 1));
  for (const k of outOfScope) enterprises[k].status = rng.weighted(['停业', '注销', '吊销', '歇业'], [4, 3, 2, 1.3]);

  const organizations = assignCoverage(rng, enterprises, outOfScope, place, buildings, zones);
  return {
    name: '杭州市（合成示例数据）Hangzhou, synthetic demo',
    crs: 'wgs84',
    enterprises,
    buildings,
    zones,
    areas: geo.areas,
    organizations,
    rules: {},
  };
}

/** Exactly `covered` operating enterprises get an organization: own orgs for 3+ formal members, joint ones by place. */
function assignCoverage(
  rng: Random,
  enterprises: Enterprise[],
  outOfScope: Set<number>,
  place: Map<string, { building: number; zone: number }>,
  buildings: Building[],
  zones: Zone[],
): Organization[] {
  const scored = enterprises
    .map((e, k) => {
      if (outOfScope.has(k)) return null;
      const p = place.get(e.id) as { building: number; zone: number };
      const formal = e.partyMembers ?? 0;
      const score = (formal >= 3 ? 2.2 : 0) + (formal > 0 ? 0.7 : 0) + ((e.employees ?? 0) >= 30 ? 0.6 : 0) + (p.building >= 0 ? 0.5 : 0) + (p.zone >= 0 ? 0.3 : 0) + rng.normal(0, 1);
      return { k, score };
    })
    .filter((x): x is { k: number; score: number } => x !== null)
    .sort((a, b) => b.score - a.score || a.k - b.k);
  const covered = scored.slice(0, HANGZHOU_TARGETS.covered).map((x) => x.k).sort((a, b) => a - b);
  const organizations: Organization[] = [];
  const jointPools = new Map<string, number[]>();
  for (const k of covered) {
    const e = enterprises[k];
    const members = (e.partyMembers ?? 0) + (e.probationaryMembers ?? 0);
    if ((e.partyMembers ?? 0) >= 3) {
      const id = `O${String(organizations.length + 1).padStart(5, '0')}`;
      organizations.push({ id, name: `${e.name}${members >= 100 ? '党委' : members >= 51 ? '党总支' : '党支部'}`, level: members >= 100 ? 'committee' : members >= 51 ? 'general_branch' : 'branch', form: 'standalone', parentId: null });
      e.orgId = id;
      continue;
    }
    const p = place.get(e.id) as { building: number; zone: number };
    const key = p.building >= 0 ? `b${p.building}` : p.zone >= 0 ? `z${p.zone}` : `s${e.street}`;
    jointPools.set(key, [...(jointPools.get(key) ?? []), k]);
  }
  for (const [key, members] of jointPools) {
    const placeName = key[0] === 'b' ? buildings[Number(key.slice(1))].name : key[0] === 'z' ? zones[Number(key.slice(1))].name : key.slice(1);
    const form = key[0] === 'b' ? 'building' : key[0] === 'z' ? zones[Number(key.slice(1))].kind : 'area';
    for (let start = 0, n = 1; start < members.length; n++) {
      const size = rng.int(4, 11);
      const id = `O${String(organizations.length + 1).padStart(5, '0')}`;
      organizations.push({ id, name: `${placeName}联合党支部${n > 1 || members.length > size ? `（${n}）` : ''}`, level: 'branch', form: form as Organization['form'], parentId: null });
      for (const k of members.slice(start, start + size)) enterprises[k].orgId = id;
      start += size;
    }
  }
  // Work coverage: an instructor already reaches part of the uncovered enterprises.
  enterprises.forEach((e, k) => {
    if (e.orgId !== '' || outOfScope.has(k)) return;
    const mustCover = (e.employees ?? 0) >= 30 || (e.partyMembers ?? 0) + (e.probationaryMembers ?? 0) > 0;
    e.workCovered = rng.chance(mustCover ? 0.35 : 0.08);
  });
  return organizations;
}
