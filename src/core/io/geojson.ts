/** buildings / zones / areas GeoJSON → domain objects, with per-feature problems. Never throws on bad input. */
import findIntersections from 'sweepline-intersections';
import type { Feature, Polygon, MultiPolygon, Position } from 'geojson';
import type { Area, AreaLevel, Building, PolygonGeometry, Zone, ZoneKind } from '../model/types';
import { problem, type Problem } from './problems';

const ZONE_KINDS: ReadonlySet<string> = new Set(['business_district', 'park', 'market', 'village']);
const ZONE_KIND_ALIASES: Record<string, ZoneKind> = { 商圈: 'business_district', 园区: 'park', 市场: 'market', 特色街区: 'market', 街区: 'market', 村: 'village' };

interface FeatureResult {
  features: { feature: Feature; geometry: PolygonGeometry; index: number }[];
  problems: Problem[];
}

function closeRing(ring: Position[]): { ring: Position[]; repaired: boolean } {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) return { ring: [...ring, first], repaired: true };
  return { ring, repaired: false };
}

function validPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

/**
 * Where a polygon's rings cross each other or themselves, and where a ring passes through one of its
 * own corners again (a pinch). A sweep line (sweepline-intersections, what Turf's line-intersect uses)
 * instead of @turf/kinks, which tests every pair of edges: a real district boundary has thousands of
 * corners, and kinks took 0.33 s on one of 8,000. The sweep does not count a pinch, so corners met
 * twice are counted here; a corner repeated in a row is not a crossing.
 */
function selfCrossings(geometry: Polygon | MultiPolygon): number {
  let count: number;
  try {
    count = findIntersections(geometry).length;
  } catch {
    // The sweep cannot judge this shape; the exact point test still works on it.
    count = 0;
  }
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const part of parts) for (const ring of part) count += pinches(ring);
  return count;
}

/** Up to this many corners the pinch check compares every pair. */
const SMALL_RING = 16;

/** Corners a closed ring meets again later (not the next one, which is only a repeated point). */
function pinches(ring: Position[]): number {
  const corners = ring.length - 1;
  const same = (a: number, b: number) => ring[a][0] === ring[b][0] && ring[a][1] === ring[b][1];
  const apart = (a: number, b: number) => Math.abs(a - b) !== 1 && Math.abs(a - b) !== corners - 1;
  let count = 0;
  if (corners <= SMALL_RING) {
    // A building's ring: every pair, without sorting or allocating.
    for (let a = 0; a < corners; a++) for (let b = a + 1; b < corners; b++) if (same(a, b) && apart(a, b)) count++;
    return count;
  }
  const order = Array.from({ length: corners }, (_, i) => i);
  order.sort((a, b) => ring[a][0] - ring[b][0] || ring[a][1] - ring[b][1]);
  for (let k = 1; k < corners; k++) if (same(order[k - 1], order[k]) && apart(order[k - 1], order[k])) count++;
  return count;
}

/** Checks and, where safe (an unclosed ring), repairs one polygon geometry. */
function checkGeometry(geometry: unknown, note: (code: Problem['code'], severity: Problem['severity'], zh: string, en: string) => void): PolygonGeometry | null {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
    note('bad_geometry', 'error', `几何类型应为 Polygon 或 MultiPolygon（实际：${g?.type ?? '无'}）`, `Geometry must be a Polygon or MultiPolygon (got ${g?.type ?? 'none'})`);
    return null;
  }
  const parts = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
  const fixed: Position[][][] = [];
  let repaired = false;
  for (const part of parts) {
    if (!Array.isArray(part) || part.length === 0) {
      note('bad_geometry', 'error', '多边形没有环', 'Polygon has no rings');
      return null;
    }
    const rings: Position[][] = [];
    for (const ring of part as unknown[]) {
      if (!Array.isArray(ring) || !ring.every(validPosition)) {
        note('bad_geometry', 'error', '坐标不是有效数字', 'Coordinates are not valid numbers');
        return null;
      }
      const closed = closeRing(ring as Position[]);
      repaired ||= closed.repaired;
      if (closed.ring.length < 4) {
        note('bad_geometry', 'error', '环的顶点少于 3 个', 'A ring has fewer than 3 corners');
        return null;
      }
      rings.push(closed.ring);
    }
    fixed.push(rings);
  }
  if (repaired) note('repaired_geometry', 'warning', '环未闭合，已自动闭合', 'Unclosed ring: closed automatically');
  const out: Polygon | MultiPolygon = g.type === 'Polygon' ? { type: 'Polygon', coordinates: fixed[0] } : { type: 'MultiPolygon', coordinates: fixed };
  const crossings = selfCrossings(out);
  if (crossings > 0) {
    note('bad_geometry', 'warning', `多边形自相交（${crossings} 处），按奇偶规则使用，请修正`, `Self-intersecting polygon (${crossings} crossings): used with the even-odd rule; please fix`);
  }
  return out;
}

function readFeatures(text: string, file: string): FeatureResult {
  const problems: Problem[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push(problem(file, 0, '', (error as Error).message, 'bad_json', 'error', `文件不是完整的 JSON（可能被截断）：${(error as Error).message}`, `Not valid JSON (truncated?): ${(error as Error).message}`));
    return { features: [], problems };
  }
  const fc = json as { type?: string; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    problems.push(problem(file, 0, '', fc?.type ?? '', 'bad_json', 'error', '应为 GeoJSON FeatureCollection', 'Expected a GeoJSON FeatureCollection'));
    return { features: [], problems };
  }
  const features: FeatureResult['features'] = [];
  (fc.features as Feature[]).forEach((feature, k) => {
    const index = k + 1;
    const note = (code: Problem['code'], severity: Problem['severity'], zh: string, en: string) =>
      problems.push(problem(file, index, 'geometry', String(feature?.properties?.id ?? ''), code, severity, zh, en));
    const geometry = checkGeometry(feature?.geometry, note);
    if (geometry) features.push({ feature, geometry, index });
  });
  return { features, problems };
}

const prop = (f: Feature, key: string): string => {
  const v = f.properties?.[key];
  return v == null ? '' : String(v);
};

export function parseBuildings(text: string, file = 'buildings.geojson'): { buildings: Building[]; problems: Problem[] } {
  const { features, problems } = readFeatures(text, file);
  const buildings = features.map(({ feature, geometry, index }) => {
    const floors = Number(prop(feature, 'floors'));
    return { id: prop(feature, 'id') || `B${index}`, name: prop(feature, 'name'), floors: Number.isFinite(floors) && prop(feature, 'floors') !== '' ? floors : null, geometry };
  });
  return { buildings, problems };
}

export function parseZones(text: string, file = 'zones.geojson'): { zones: Zone[]; problems: Problem[] } {
  const { features, problems } = readFeatures(text, file);
  const zones = features.map(({ feature, geometry, index }) => {
    const rawKind = prop(feature, 'kind');
    let kind = (ZONE_KINDS.has(rawKind) ? rawKind : ZONE_KIND_ALIASES[rawKind]) as ZoneKind | undefined;
    if (!kind) {
      problems.push(problem(file, index, 'kind', rawKind, 'bad_value', 'warning', '未知的区域类型，按商圈处理', 'Unknown zone kind: treated as a business district'));
      kind = 'business_district';
    }
    return { id: prop(feature, 'id') || `Z${index}`, name: prop(feature, 'name'), kind, geometry };
  });
  return { zones, problems };
}

export function parseAreas(text: string, file = 'areas.geojson'): { areas: Area[]; problems: Problem[] } {
  const { features, problems } = readFeatures(text, file);
  const areas = features.map(({ feature, geometry, index }) => {
    const rawLevel = prop(feature, 'level');
    const level: AreaLevel = rawLevel === 'street' ? 'street' : 'district';
    if (rawLevel !== 'street' && rawLevel !== 'district') {
      problems.push(problem(file, index, 'level', rawLevel, 'bad_value', 'warning', '未知的区域层级，按区县处理', 'Unknown area level: treated as a district'));
    }
    // Optional `leader` (分片包干责任领导); blank = none named.
    const leader = prop(feature, 'leader').trim();
    return { id: prop(feature, 'id') || `A${index}`, name: prop(feature, 'name'), level, parent: prop(feature, 'parent') || null, geometry, ...(leader ? { leader } : {}) };
  });
  return { areas, problems };
}
