/** The part of shpjs (no bundled types) that LianJian calls: a zipped shapefile to GeoJSON. */
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  export default function shp(input: ArrayBuffer | Uint8Array): Promise<FeatureCollection | FeatureCollection[]>;
}
