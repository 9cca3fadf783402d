/**
 * Polygon and lasso (freehand) drawing on the MapLibre map with terra-draw. Each finished shape is
 * handed over once and removed from the drawing; the plan item's outline is drawn by deck.gl.
 */
import type * as maplibregl from 'maplibre-gl';
import { TerraDraw, TerraDrawFreehandMode, TerraDrawPolygonMode, TerraDrawRenderMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Polygon } from 'geojson';

export type DrawTool = 'polygon' | 'freehand';

export interface DrawControl {
  setTool(tool: DrawTool | null): void;
  destroy(): void;
}

export function createDrawControl(map: maplibregl.Map, onShape: (polygon: Polygon) => void): DrawControl {
  let draw: TerraDraw | null = null;
  const ensure = () => {
    if (draw) return draw;
    const created = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'lianjian-draw' }),
      modes: [
        new TerraDrawPolygonMode({ styles: { fillColor: '#00bcd4', outlineColor: '#00838f', fillOpacity: 0.2, outlineWidth: 2 } }),
        new TerraDrawFreehandMode({ styles: { fillColor: '#00bcd4', outlineColor: '#00838f', fillOpacity: 0.2, outlineWidth: 2 } }),
        new TerraDrawRenderMode({ modeName: 'idle', styles: {} }),
      ],
    });
    created.start();
    created.on('finish', (id) => {
      const feature = created.getSnapshotFeature(id);
      created.removeFeatures([id]);
      if (feature?.geometry.type === 'Polygon') onShape(feature.geometry as Polygon);
    });
    return (draw = created);
  };
  return {
    setTool(tool) {
      if (tool === null) {
        if (draw) draw.setMode('idle');
        return;
      }
      ensure().setMode(tool);
    },
    destroy() {
      draw?.stop();
      draw = null;
    },
  };
}
