/** Where to write an area's name: the pole of inaccessibility of its largest part (polylabel). */
import polylabel from 'polylabel';
import type { Position } from 'geojson';
import type { PolygonGeometry } from '../model/types';

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(a / 2);
}

export function labelPoint(geometry: PolygonGeometry): [number, number] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = parts.reduce((best, part) => (ringArea(part[0]) > ringArea(best[0]) ? part : best));
  const [x, y] = polylabel(largest as number[][][], 0.0005);
  return [x, y];
}
