/** Geometry for the synthetic datasets: Voronoi cells by half-plane clipping, a smooth warp, blobs and footprints. */
import type { Polygon, Position } from 'geojson';
import type { Random } from '../../core/util/random';
import { metresToDegrees } from '../../core/spatial/geo';

export type Ring = Position[];
export type Site = readonly [number, number];

const LON_SCALE = Math.cos((30 * Math.PI) / 180);

/** Sutherland–Hodgman: the part of `ring` (open, no repeated end) where a·x + b·y ≤ c. */
function clipHalfPlane(ring: Ring, a: number, b: number, c: number): Ring {
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % ring.length];
    const fp = a * p[0] + b * p[1] - c;
    const fq = a * q[0] + b * q[1] - c;
    if (fp <= 0) out.push(p);
    if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0)) {
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** The Voronoi cell of every site inside `outline` (open ring), distances measured at 30°N. */
export function voronoiCells(outline: Ring, sites: readonly Site[]): Ring[] {
  return sites.map((si, i) => {
    let cell = outline;
    sites.forEach((sj, j) => {
      if (i === j || cell.length === 0) return;
      const ax = (sj[0] - si[0]) * LON_SCALE * LON_SCALE;
      const by = sj[1] - si[1];
      const mx = (si[0] + sj[0]) / 2;
      const my = (si[1] + sj[1]) / 2;
      cell = clipHalfPlane(cell, ax, by, ax * mx + by * my);
    });
    return cell;
  });
}

/** Splits long edges so that a warp bends them smoothly. */
export function densify(ring: Ring, maxStepDeg: number): Ring {
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % ring.length];
    const steps = Math.max(1, Math.ceil(Math.hypot(q[0] - p[0], q[1] - p[1]) / maxStepDeg));
    for (let s = 0; s < steps; s++) out.push([p[0] + ((q[0] - p[0]) * s) / steps, p[1] + ((q[1] - p[1]) * s) / steps]);
  }
  return out;
}

/** A smooth, position-only displacement: shared borders move together, so neighbours stay neighbours. */
export function warp([x, y]: Position, amplitudeDeg: number): Position {
  const dx = Math.sin(x * 61 + y * 23) + 0.5 * Math.sin(x * 173 - y * 131);
  const dy = Math.sin(y * 67 - x * 29) + 0.5 * Math.sin(y * 149 + x * 113);
  return [x + amplitudeDeg * dx, y + amplitudeDeg * dy];
}

export function closeAndRound(ring: Ring): Ring {
  const r = ring.map(([x, y]) => [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6]);
  const deduped = r.filter((p, i) => i === 0 || p[0] !== r[i - 1][0] || p[1] !== r[i - 1][1]);
  return [...deduped, deduped[0]];
}

export function polygonOf(ring: Ring): Polygon {
  return { type: 'Polygon', coordinates: [closeAndRound(ring)] };
}

/** A star-shaped blob of `radiusM` (stretched by `stretch` north–south), never self-intersecting. */
export function blob(rng: Random, lon: number, lat: number, radiusM: number, stretch = 1, corners = 11): Polygon {
  const { dLon, dLat } = metresToDegrees(radiusM, lat);
  const ring: Ring = [];
  for (let k = 0; k < corners; k++) {
    const a = (2 * Math.PI * k) / corners;
    const r = 0.75 + 0.35 * rng.next();
    ring.push([lon + dLon * r * Math.cos(a), lat + dLat * stretch * r * Math.sin(a)]);
  }
  return polygonOf(ring);
}

/** A rotated rectangular footprint, `widthM` × `depthM`. */
export function footprint(lon: number, lat: number, widthM: number, depthM: number, angle: number): Polygon {
  const { dLon, dLat } = metresToDegrees(1, lat);
  const corners = [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([u, v]) => {
    const x = (u * widthM) / 2;
    const y = (v * depthM) / 2;
    const rx = x * Math.cos(angle) - y * Math.sin(angle);
    const ry = x * Math.sin(angle) + y * Math.cos(angle);
    return [lon + rx * dLon, lat + ry * dLat];
  });
  return polygonOf(corners);
}
