/** Colours of the coverage categories (index = CoverageCategory; two palettes, one of them colour-blind safe) and of zone kinds. */
import type { ZoneKind } from '../../core/model/types';

export type Rgba = [number, number, number, number];

/** The default colours: Party red for an own organization, warm for joint, blue for work coverage. */
const STANDARD: readonly Rgba[] = [
  [178, 24, 43, 255], // own organization: Party red
  [244, 109, 67, 255], // joint organization: orange
  [67, 147, 195, 255], // work coverage only: blue
  [118, 42, 131, 255], // uncovered, must cover: purple
  [150, 150, 150, 255], // other uncovered: grey
  [0, 0, 0, 0], // not operating: hidden
];

/**
 * High contrast, safe for colour-blind viewers (Okabe & Ito's palette): the covered categories are
 * blues and a bluish green, the uncovered must-cover enterprises vermillion, and every pair differs in
 * lightness as well as hue, so that red-green (deutan, protan) and blue-yellow (tritan) viewers and a
 * washed-out projector still tell them apart.
 */
const CONTRAST: readonly Rgba[] = [
  [0, 68, 136, 255], // own organization: dark blue
  [86, 180, 233, 255], // joint organization: sky blue
  [0, 158, 115, 255], // work coverage only: bluish green
  [213, 94, 0, 255], // uncovered, must cover: vermillion
  [40, 40, 40, 255], // other uncovered: near black
  [0, 0, 0, 0], // not operating: hidden
];

export type CoveragePaletteName = 'standard' | 'contrast';
export const COVERAGE_PALETTES: Record<CoveragePaletteName, readonly Rgba[]> = { standard: STANDARD, contrast: CONTRAST };
const PALETTE_KEY = 'lianjian.palette';

function storedPalette(): CoveragePaletteName {
  try {
    return globalThis.localStorage?.getItem(PALETTE_KEY) === 'contrast' ? 'contrast' : 'standard';
  } catch {
    return 'standard';
  }
}

let paletteName = storedPalette();
let version = 0;
const current: Rgba[] = COVERAGE_PALETTES[paletteName].map((c) => [...c] as Rgba);
const listeners = new Set<() => void>();

/** Colours of the coverage categories in the chosen palette (the same array, refilled on a change). */
export const CATEGORY_COLORS: readonly Rgba[] = current;

export const coveragePalette = (): CoveragePaletteName => paletteName;
/** Increases with every change of palette: caches of colours keyed on data compare it. */
export const paletteVersion = (): number => version;

export function subscribePalette(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Switches the coverage colours everywhere (map, legend, images); remembered in the browser. */
export function setCoveragePalette(next: CoveragePaletteName): void {
  if (next === paletteName) return;
  paletteName = next;
  version++;
  COVERAGE_PALETTES[next].forEach((c, k) => { current[k] = [...c] as Rgba; });
  try {
    globalThis.localStorage?.setItem(PALETTE_KEY, next);
  } catch {
    // not remembered where storage is refused
  }
  for (const l of listeners) l();
}

export const ZONE_COLORS: Record<ZoneKind, Rgba> = {
  business_district: [255, 193, 7, 60],
  park: [76, 175, 80, 55],
  market: [233, 30, 99, 55],
  village: [121, 85, 72, 45],
};

export const BUILDING_COLOR: Rgba = [84, 110, 122, 150];
export const CLUSTER_COLOR: Rgba = [118, 42, 131, 255];
export const HIGHLIGHT_COLOR: Rgba = [0, 188, 212, 255];

export const cssColor = ([r, g, b, a]: Rgba): string => `rgba(${r}, ${g}, ${b}, ${a / 255})`;

export const PLAN_STATUS_COLORS: Record<'proposed' | 'forming' | 'formed', Rgba> = {
  proposed: [255, 152, 0, 255],
  forming: [33, 150, 243, 255],
  formed: [46, 125, 50, 255],
};
export const DRAFT_COLOR: Rgba = [0, 188, 212, 255];

/** 组建率 0 → 1 as red → amber → green, for building and zone fills. */
export function coverageRampColor(rate: number, alpha: number): Rgba {
  const r = Math.max(0, Math.min(1, rate));
  if (r < 0.5) return [215, Math.round(48 + (r / 0.5) * (180 - 48)), 39, alpha];
  return [Math.round(215 - ((r - 0.5) / 0.5) * (215 - 26)), Math.round(180 - ((r - 0.5) / 0.5) * (180 - 152)), Math.round(39 + ((r - 0.5) / 0.5) * (80 - 39)), alpha];
}
