/** Enterprises as one ScatterplotLayer over binary attributes: no per-frame or per-point objects. */
import { ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import type { PlanView } from '../../core/model/plan-view';
import { CATEGORY_COLORS, paletteVersion } from './palette';
import { LAYER_IDS } from './ids';

export interface EnterpriseAttributes {
  length: number;
  positions: Float32Array;
  colors: Uint8Array;
  radii: Float32Array;
}

const cache = new WeakMap<Uint8Array, EnterpriseAttributes & { palette: number }>();

/** Typed arrays for the layer, built once per plan view (and per alternative colouring, e.g. after the plan). */
export function enterpriseAttributes(view: PlanView, categories: Uint8Array = view.categories): EnterpriseAttributes {
  const cached = cache.get(categories);
  if (cached && cached.palette === paletteVersion()) return cached;
  const n = categories.length;
  const positions = new Float32Array(n * 2);
  const colors = new Uint8Array(n * 4);
  const radii = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const lon = view.positions[i * 2];
    const mapped = lon === lon;
    positions[i * 2] = mapped ? lon : 0;
    positions[i * 2 + 1] = mapped ? view.positions[i * 2 + 1] : 0;
    const color = CATEGORY_COLORS[categories[i]];
    colors.set(color, i * 4);
    if (!mapped) colors[i * 4 + 3] = 0;
    radii[i] = 2 + Math.min(9, Math.sqrt(view.employees[i]) / 3);
  }
  const attrs = { length: n, positions, colors, radii, palette: paletteVersion() };
  cache.set(categories, attrs);
  return attrs;
}

// One extension instance: a new one per render would recompile the shaders.
const filterExtension = new DataFilterExtension({ filterSize: 1 });
const shown = new WeakMap<Uint8Array, Float32Array>();
const allShown = new WeakMap<EnterpriseAttributes, Float32Array>();

/** The filter mask as the extension's float attribute (1 = shown). */
function filterValues(attrs: EnterpriseAttributes, mask: Uint8Array | null): Float32Array {
  if (!mask) {
    let ones = allShown.get(attrs);
    if (!ones) allShown.set(attrs, (ones = new Float32Array(attrs.length).fill(1)));
    return ones;
  }
  let values = shown.get(mask);
  if (!values) shown.set(mask, (values = Float32Array.from(mask)));
  return values;
}

/** Enterprises the filter hides are dropped on the GPU (and cannot be picked). */
export function createEnterpriseLayer(attrs: EnterpriseAttributes, visible: boolean, mask: Uint8Array | null) {
  return new ScatterplotLayer({
    id: LAYER_IDS.enterprises,
    data: {
      length: attrs.length,
      attributes: {
        getPosition: { value: attrs.positions, size: 2 },
        getFillColor: { value: attrs.colors, size: 4, normalized: true },
        getRadius: { value: attrs.radii, size: 1 },
        getFilterValue: { value: filterValues(attrs, mask), size: 1 },
      },
    },
    extensions: [filterExtension],
    filterRange: [0.5, 1.5],
    visible,
    pickable: true,
    radiusUnits: 'pixels',
    radiusMinPixels: 1.5,
    stroked: false,
    autoHighlight: true,
    highlightColor: [0, 188, 212, 255],
  });
}
