/** Small geodesy helpers on plain numbers: no allocation on hot paths. */
const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;

/** Metres between two WGS-84 points; equirectangular at the pair's mean latitude (< 0.1% error below 10 km). */
export function distanceM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dx = (lon2 - lon1) * DEG * Math.cos(((lat1 + lat2) / 2) * DEG);
  const dy = (lat2 - lat1) * DEG;
  return EARTH_RADIUS_M * Math.sqrt(dx * dx + dy * dy);
}

/** Degrees of latitude / longitude that span `metres` at latitude `lat`. */
export function metresToDegrees(metres: number, lat: number): { dLon: number; dLat: number } {
  const dLat = metres / (EARTH_RADIUS_M * DEG);
  return { dLat, dLon: dLat / Math.max(0.01, Math.cos(lat * DEG)) };
}

/** A local metric projection (x east, y north, metres) centred on `lat0`, for bucketing and hulls. */
export function localProjection(lat0: number): { x: (lon: number) => number; y: (lat: number) => number } {
  const k = EARTH_RADIUS_M * DEG;
  const kx = k * Math.cos(lat0 * DEG);
  return { x: (lon) => lon * kx, y: (lat) => lat * k };
}

/** Mainland China's rough bounds (WGS-84), for the "outside China" check. */
export const CHINA_BOUNDS = { minLon: 73.4, maxLon: 135.1, minLat: 18.1, maxLat: 53.6 } as const;

export function isInChina(lon: number, lat: number): boolean {
  return lon >= CHINA_BOUNDS.minLon && lon <= CHINA_BOUNDS.maxLon && lat >= CHINA_BOUNDS.minLat && lat <= CHINA_BOUNDS.maxLat;
}
