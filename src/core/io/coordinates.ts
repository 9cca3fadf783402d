/** Coordinates on the way in: converted to WGS-84 from GCJ-02 / BD-09 with gcoord. */
import gcoord from 'gcoord';
import type { Crs } from '../model/types';

const SYSTEMS = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], SYSTEMS[crs], gcoord.WGS84) as [number, number];
  return [x, y];
}
