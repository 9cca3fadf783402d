/**
 * Shapefiles as people send them: a .zip with .shp, .dbf (and .prj, .cpg). shpjs (maintained, pure
 * JavaScript) reads them and reprojects with the .prj to WGS-84; attribute text is decoded with the
 * .cpg's code page (UTF-8, GBK…). The result goes through the same GeoJSON checks as a .geojson file.
 */
import type { FeatureCollection } from 'geojson';
import { problem, type Problem } from './problems';

export interface ShapefileRead {
  /** All layers of the zip as one GeoJSON text, or null when the zip could not be read. */
  text: string | null;
  problems: Problem[];
}

export async function readShapefileZip(bytes: ArrayBuffer, file: string): Promise<ShapefileRead> {
  try {
    // Loaded when a shapefile comes (with proj4, a quarter megabyte the page does not need at start).
    const { default: shp } = await import('shpjs');
    const read = (await shp(bytes)) as FeatureCollection | FeatureCollection[];
    const layers = Array.isArray(read) ? read : [read];
    const features = layers.flatMap((layer) => layer.features);
    return { text: JSON.stringify({ type: 'FeatureCollection', features }), problems: [] };
  } catch (error) {
    const reason = (error as Error).message;
    return { text: null, problems: [problem(file, 0, '', '', 'bad_json', 'error', `无法读取 Shapefile 压缩包：${reason}`, `Cannot read the shapefile zip: ${reason}`)] };
  }
}
