import { describe, expect, it } from 'vitest';
import convex from '@turf/convex';
import { featureCollection, point } from '@turf/helpers';
import { convexHull, paddedHull } from '../../src/core/clustering/hull';
import { createRandom } from '../../src/core/util/random';

/** Turf's hull of every point, as convexHull was before it left the inner points out. */
const turfHull = (coords: [number, number][]) => convex(featureCollection(coords.map(([x, y]) => point([x, y]))))?.geometry ?? null;

describe('convex hull', () => {
  it('is Turf’s polygon, vertex for vertex, on scattered, gridded, collinear and repeated points', () => {
    const rng = createRandom(7);
    for (let t = 0; t < 300; t++) {
      const n = 1 + rng.int(0, 2000);
      const kind = t % 5;
      const coords: [number, number][] = [];
      const cx = 120 + rng.next();
      const cy = 30 + rng.next();
      for (let i = 0; i < n; i++) {
        if (kind === 0) coords.push([cx + rng.normal(0, 0.01), cy + rng.normal(0, 0.01)]);
        // A lattice: many points on the hull's edges.
        else if (kind === 1) coords.push([cx + 0.001 * rng.int(0, 20), cy + 0.001 * rng.int(0, 20)]);
        // One line (no area).
        else if (kind === 2) coords.push([cx + 0.001 * i, cy + 0.0005 * i]);
        // Few distinct places, each many times.
        else if (kind === 3) coords.push([cx + 0.01 * rng.int(0, 3), cy + 0.01 * rng.int(0, 2)]);
        // A square's border and its inside.
        else coords.push(rng.chance(0.5) ? [cx + 0.01 * rng.int(0, 1), cy + 0.01 * rng.next()] : [cx + 0.01 * rng.next(), cy + 0.01 * rng.next()]);
      }
      expect(convexHull(coords), `case ${t} (kind ${kind}, ${n} points)`).toEqual(turfHull(coords));
    }
  });

  it('pads around the same corners', () => {
    const rng = createRandom(3);
    const coords: [number, number][] = Array.from({ length: 500 }, () => [120.1 + rng.normal(0, 0.005), 30.2 + rng.normal(0, 0.005)]);
    const hull = paddedHull(coords, 60);
    expect(hull.coordinates[0].length).toBeGreaterThan(8);
    expect(paddedHull(coords.slice().reverse(), 60)).toEqual(hull);
  });
});
