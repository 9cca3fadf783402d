declare module 'sweepline-intersections' {
  import type { Feature, Geometry, FeatureCollection } from 'geojson';
  /** Points where the edges of the input cross (a polygon's own edges too, unless told to ignore them). */
  export default function findIntersections(geojson: Feature | FeatureCollection | Geometry, ignoreSelfIntersections?: boolean): [number, number][];
}
