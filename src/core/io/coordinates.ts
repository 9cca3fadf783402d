/**
 * Coordinates on the way in: converted to WGS-84 from GCJ-02 / BD-09. The formulas are gcoord's
 * (same constants, same operation order, same 1e-6° stopping rule, so the results are identical),
 * written out on plain numbers so that a million-row register converts without an array per point.
 */
import type { Crs } from '../model/types';

const { sin, cos, sqrt, abs, atan2, PI } = Math;
/** Krasovsky 1940 ellipsoid, as GCJ-02 uses it. */
const A = 6378245;
const EE = 0.006693421622965823;
const BAIDU_FACTOR = (PI * 3000.0) / 180.0;
/** The inverse of GCJ-02 stops when a forward step lands this close (degrees). */
const GCJ_TOLERANCE_DEG = 1e-6;

function isInChinaBbox(lon: number, lat: number): boolean {
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

/**
 * gcoord's transformLat and transformLon at once: the two share their first sine term and the
 * square root, which are worked out once here (the same operations in the same order, so the
 * same bits as computing each on its own).
 */
function gcjOffset(lon: number, lat: number, out: Float64Array): void {
  const x = lon - 105;
  const y = lat - 35;
  const root = sqrt(abs(x));
  const shared = ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  let tLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * root;
  tLat += shared;
  tLat += ((20 * sin(y * PI) + 40 * sin((y / 3) * PI)) * 2) / 3;
  tLat += ((160 * sin((y / 12) * PI) + 320 * sin((y * PI) / 30)) * 2) / 3;
  let tLon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * root;
  tLon += shared;
  tLon += ((20 * sin(x * PI) + 40 * sin((x / 3) * PI)) * 2) / 3;
  tLon += ((150 * sin((x / 12) * PI) + 300 * sin((x / 30) * PI)) * 2) / 3;
  // WGS-84 → GCJ-02 offset at the point, written into `out` ([dLon, dLat]).
  const radLat = (lat / 180) * PI;
  let magic = sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = sqrt(magic);
  out[0] = (tLon * 180) / ((A / sqrtMagic) * cos(radLat) * PI);
  out[1] = (tLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
}

const offset = new Float64Array(2);

export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  if (!isInChinaBbox(lon, lat)) return [lon, lat];
  gcjOffset(lon, lat, offset);
  return [lon + offset[0], lat + offset[1]];
}

export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  if (!isInChinaBbox(lon, lat)) return [lon, lat];
  // Fixed-point iteration: step back by how far the forward transform overshoots.
  let wgsLon = lon;
  let wgsLat = lat;
  gcjOffset(wgsLon, wgsLat, offset);
  let dx = wgsLon + offset[0] - lon;
  let dy = wgsLat + offset[1] - lat;
  while (abs(dx) > GCJ_TOLERANCE_DEG || abs(dy) > GCJ_TOLERANCE_DEG) {
    wgsLon -= dx;
    wgsLat -= dy;
    if (isInChinaBbox(wgsLon, wgsLat)) {
      gcjOffset(wgsLon, wgsLat, offset);
      dx = wgsLon + offset[0] - lon;
      dy = wgsLat + offset[1] - lat;
    } else {
      dx = wgsLon - lon;
      dy = wgsLat - lat;
    }
  }
  return [wgsLon, wgsLat];
}

export function bd09ToGcj02(lon: number, lat: number): [number, number] {
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = sqrt(x * x + y * y) - 0.00002 * sin(y * BAIDU_FACTOR);
  const theta = atan2(y, x) - 0.000003 * cos(x * BAIDU_FACTOR);
  return [z * cos(theta), z * sin(theta)];
}

export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  if (crs === 'gcj02') return gcj02ToWgs84(lon, lat);
  const [gLon, gLat] = bd09ToGcj02(lon, lat);
  return gcj02ToWgs84(gLon, gLat);
}
