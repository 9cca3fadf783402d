/** The part of @mapbox/shp-write (no bundled types) the tests use to build shapefile fixtures. */
declare module '@mapbox/shp-write' {
  import type { FeatureCollection } from 'geojson';
  const shpwrite: {
    zip(geojson: FeatureCollection, options: { outputType: 'arraybuffer'; compression?: 'STORE' | 'DEFLATE'; types?: Record<string, string> }): Promise<ArrayBuffer>;
  };
  export default shpwrite;
}
