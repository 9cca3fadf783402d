import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { createPolygonIndex } from '../../src/core/spatial/polygon-index';
import { dbscan } from '../../src/core/clustering/dbscan';
import { distanceM } from '../../src/core/spatial/geo';
import { toWgs84 } from '../../src/core/io/coordinates';
import type { Polygon, MultiPolygon } from 'geojson';
import convex from '@turf/convex';
import { featureCollection, point } from '@turf/helpers';
import { convexHull } from '../../src/core/clustering/hull';

const star = (cx: number, cy: number, r: number, jag: number[]): Polygon => {
  const ring = jag.map((j, k) => {
    const a = (2 * Math.PI * k) / jag.length;
    return [cx + r * j * Math.cos(a), cy + r * j * Math.sin(a)];
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
};

describe('polygon index', () => {
  it('agrees with Turf booleanPointInPolygon on random star polygons, holes and multipolygons', () => {
    const withHole: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[3, 3], [7, 3], [7, 7], [3, 7], [3, 3]]] };
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[[[20, 0], [24, 0], [24, 4], [20, 4], [20, 0]]], [[[26, 0], [30, 0], [30, 4], [26, 4], [26, 0]]]] };
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), { minLength: 5, maxLength: 12 }), fc.array(fc.tuple(fc.double({ min: -5, max: 35, noNaN: true }), fc.double({ min: -5, max: 15, noNaN: true })), { minLength: 50, maxLength: 50 }), (jag, points) => {
        const polys = [star(15, 5, 4, jag), withHole, multi];
        const index = createPolygonIndex(polys);
        for (const [x, y] of points) {
          // Points exactly on an edge are either side by convention; compare the rest.
          const onEdge = polys.some((p) => booleanPointInPolygon([x, y], p, { ignoreBoundary: true }) !== booleanPointInPolygon([x, y], p));
          if (onEdge) continue;
          const expected = polys.findIndex((p) => booleanPointInPolygon([x, y], p, { ignoreBoundary: true }));
          expect(index.locate(x, y)).toBe(expected);
        }
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  it('agrees with Turf on boundaries with hundreds of corners (the latitude bands), holes included', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 49, maxLength: 400 }), fc.array(fc.tuple(fc.double({ min: -12, max: 12, noNaN: true }), fc.double({ min: -12, max: 12, noNaN: true })), { minLength: 200, maxLength: 200 }), (jag, points) => {
        const outer = star(0, 0, 10, jag).coordinates[0];
        const hole = star(0, 0, 1.5, jag.slice(0, 60)).coordinates[0];
        const polys: Polygon[] = [{ type: 'Polygon', coordinates: [outer, hole] }, star(4, 4, 3, jag.slice().reverse())];
        const index = createPolygonIndex(polys);
        for (const [x, y] of points) {
          const onEdge = polys.some((p) => booleanPointInPolygon([x, y], p, { ignoreBoundary: true }) !== booleanPointInPolygon([x, y], p));
          if (onEdge) continue;
          const containing = polys.map((p, k) => (booleanPointInPolygon([x, y], p, { ignoreBoundary: true }) ? k : -1)).filter((k) => k >= 0);
          const expected = containing.length === 2 ? 1 : containing.length === 1 ? containing[0] : -1;
          expect(index.locate(x, y)).toBe(expected);
        }
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('returns the smallest polygon when polygons nest (a building inside a zone)', () => {
    const index = createPolygonIndex([star(0, 0, 10, [1, 1, 1, 1, 1, 1]), star(0, 0, 1, [1, 1, 1, 1, 1, 1])]);
    expect(index.locate(0.1, 0.1)).toBe(1);
    expect(index.locate(5, 0)).toBe(0);
    expect(index.locate(50, 0)).toBe(-1);
  });
});

describe('dbscan', () => {
  it('finds two dense groups and leaves the far point as noise', () => {
    const lon: number[] = [];
    const lat: number[] = [];
    for (let k = 0; k < 10; k++) {
      lon.push(120 + k * 0.0002, 121 + k * 0.0002);
      lat.push(30, 30);
    }
    lon.push(122);
    lat.push(30);
    const { labels, clusterCount } = dbscan(lon, lat, 50, 4);
    expect(clusterCount).toBe(2);
    expect(labels[labels.length - 1]).toBe(-1);
    expect(new Set(Array.from(labels.slice(0, 20)))).toEqual(new Set([0, 1]));
  });
});

describe('coordinates', () => {
  it('measures metres like a great-circle distance over short spans', () => {
    expect(distanceM(120, 30, 120, 30.01)).toBeCloseTo(1112, -1);
    expect(distanceM(120, 30, 120.01, 30)).toBeCloseTo(963, -1);
  });

  it('converts GCJ-02 and BD-09 back to WGS-84 (Hangzhou offset ≈ 500 m)', () => {
    const [lon, lat] = toWgs84(120.1745, 30.2546, 'gcj02');
    const shift = distanceM(lon, lat, 120.1745, 30.2546);
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(800);
    const [blon, blat] = toWgs84(120.181, 30.2605, 'bd09');
    expect(distanceM(blon, blat, 120.181, 30.2605)).toBeGreaterThan(shift);
  });
});

describe('convex hull', () => {
  const turfHull = (coords: [number, number][]) => convex(featureCollection(coords.map(([x, y]) => point([x, y]))))?.geometry ?? null;
  const area = (p: Polygon | null) => {
    const ring = p?.coordinates[0] ?? [];
    let a = 0;
    // Relative to the first corner: products of whole degrees would lose the digits compared here.
    const [x0, y0] = ring[0] ?? [0, 0];
    for (let k = 0; k + 1 < ring.length; k++) a += (ring[k][0] - x0) * (ring[k + 1][1] - y0) - (ring[k + 1][0] - x0) * (ring[k][1] - y0);
    return Math.abs(a) / 2;
  };

  it("gives Turf's convex ring, point for point, on random points", () => {
    const anywhere = fc.tuple(fc.double({ min: 120, max: 120.01, noNaN: true }), fc.double({ min: 30, max: 30.01, noNaN: true }));
    fc.assert(
      fc.property(fc.array(anywhere, { minLength: 1, maxLength: 300 }), (coords) => {
        expect(convexHull(coords)).toEqual(turfHull(coords));
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('covers the same area as Turf on a 10⁻³° grid with duplicates and collinear points, every point inside', () => {
    // On a grid, concaveman's own pre-filter (plain arithmetic) may drop a corner that lies a rounding
    // error off an edge, which the exact predicate keeps: the rings may differ by such corners only.
    const onGrid = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([x, y]) => [120 + x * 0.001, 30 + y * 0.001] as [number, number]);
    fc.assert(
      fc.property(fc.array(onGrid, { minLength: 1, maxLength: 40 }), (coords) => {
        const ours = convexHull(coords);
        const turf = turfHull(coords);
        // (One may see a sliver where the other sees a line: the areas still agree.)
        expect(Math.abs(area(ours) - area(turf))).toBeLessThan(1e-15);
        if (ours && area(ours) > 1e-15) for (const c of coords) expect(booleanPointInPolygon(c, ours)).toBe(true);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
