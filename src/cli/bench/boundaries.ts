/**
 * Administrative boundaries for the dense benchmark city, as real ones are: streets that tile their
 * district exactly, edges that wander (a corner every 10 m or so, as surveyed boundaries come), a
 * street's boundary of about a thousand corners and a district's of several thousand. A simple
 * square per district hid the cost of testing points against such boundaries.
 */
import type { Area, PolygonGeometry } from '../../core/model/types';
import { metresToDegrees } from '../../core/spatial/geo';
import { createRandom } from '../../core/util/random';

const STREET_SIDE_M = 3_000;
/** Streets per district side: a district of 5 × 5 streets, 15 km across. */
const STREETS_PER_DISTRICT_SIDE = 5;
const CORNERS_PER_SIDE = 300;
/** How far a boundary wanders from the straight line between two street corners. */
const WANDER_M = 120;

type Point = [number, number];

export interface BoundaryLattice {
  /** South-west corner of the lattice and its side in metres (it covers the city and a margin). */
  lon0: number;
  lat0: number;
  sideM: number;
}

/** Districts (level district) and their streets (level street, parent = the district's id). */
export function latticeAreas({ lon0, lat0, sideM }: BoundaryLattice, seed = 21): Area[] {
  const rng = createRandom(seed);
  const n = Math.max(1, Math.ceil(sideM / STREET_SIDE_M));
  const step = metresToDegrees(sideM / n, lat0);
  const wander = metresToDegrees(WANDER_M, lat0);
  // Lattice corners, nudged so that streets are not all squares.
  const corner: Point[][] = Array.from({ length: n + 1 }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => {
      const inside = i > 0 && i < n && j > 0 && j < n;
      const nudge = inside ? 0.25 : 0;
      return [lon0 + (i + nudge * (rng.next() - 0.5)) * step.dLon, lat0 + (j + nudge * (rng.next() - 0.5)) * step.dLat];
    }),
  );
  // One wandering line per lattice side, shared by the two areas on either side of it.
  const sides = new Map<string, Point[]>();
  const side = (a: Point, b: Point, key: string): Point[] => {
    let line = sides.get(key);
    if (!line) {
      const phase = rng.next() * 2 * Math.PI;
      const waves = 3 + rng.int(0, 4);
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const length = Math.hypot(dx / wander.dLon, dy / wander.dLat) || 1;
      line = Array.from({ length: CORNERS_PER_SIDE + 1 }, (_, k) => {
        const t = k / CORNERS_PER_SIDE;
        // Zero at both ends, so the lines meet at the lattice corners.
        const off = Math.sin(Math.PI * t) * (0.7 * Math.sin(waves * Math.PI * t + phase) + 0.3 * Math.sin(7 * waves * Math.PI * t));
        return [a[0] + dx * t - (dy / wander.dLat / length) * off * wander.dLon, a[1] + dy * t + (dx / wander.dLon / length) * off * wander.dLat];
      });
      sides.set(key, line);
    }
    return line;
  };
  const horizontal = (i: number, j: number) => side(corner[i][j], corner[i + 1][j], `h${i}:${j}`);
  const vertical = (i: number, j: number) => side(corner[i][j], corner[i][j + 1], `v${i}:${j}`);
  /** The ring around lattice cells [i0, i1) × [j0, j1), anticlockwise. */
  const ring = (i0: number, i1: number, j0: number, j1: number): Point[] => {
    const out: Point[] = [];
    const add = (line: Point[], reversed: boolean) => {
      const pts = reversed ? [...line].reverse() : line;
      for (let k = 0; k < pts.length - 1; k++) out.push(pts[k]);
    };
    for (let i = i0; i < i1; i++) add(horizontal(i, j0), false);
    for (let j = j0; j < j1; j++) add(vertical(i1, j), false);
    for (let i = i1 - 1; i >= i0; i--) add(horizontal(i, j1), true);
    for (let j = j1 - 1; j >= j0; j--) add(vertical(i0, j), true);
    out.push(out[0]);
    return out;
  };
  const polygon = (r: Point[]): PolygonGeometry => ({ type: 'Polygon', coordinates: [r] });

  const areas: Area[] = [];
  const d = Math.ceil(n / STREETS_PER_DISTRICT_SIDE);
  for (let di = 0; di < d; di++) {
    for (let dj = 0; dj < d; dj++) {
      const i0 = di * STREETS_PER_DISTRICT_SIDE;
      const j0 = dj * STREETS_PER_DISTRICT_SIDE;
      const i1 = Math.min(n, i0 + STREETS_PER_DISTRICT_SIDE);
      const j1 = Math.min(n, j0 + STREETS_PER_DISTRICT_SIDE);
      const districtId = `3398${String(di * d + dj + 1).padStart(2, '0')}`;
      const districtName = `密集${di * d + dj + 1}区`;
      areas.push({ id: districtId, name: districtName, level: 'district', parent: null, geometry: polygon(ring(i0, i1, j0, j1)) });
      let k = 0;
      for (let i = i0; i < i1; i++) {
        for (let j = j0; j < j1; j++) {
          k++;
          areas.push({ id: `${districtId}${String(k).padStart(3, '0')}`, name: `${districtName}第${k}街道`, level: 'street', parent: districtId, geometry: polygon(ring(i, i + 1, j, j + 1)) });
        }
      }
    }
  }
  return areas;
}
