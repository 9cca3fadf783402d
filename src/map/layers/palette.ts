/** Colours of the coverage categories (index = CoverageCategory) and of zone kinds. */
import type { ZoneKind } from '../../core/model/types';

export type Rgba = [number, number, number, number];

export const CATEGORY_COLORS: readonly Rgba[] = [
  [178, 24, 43, 255], // own organization: Party red
  [244, 109, 67, 255], // joint organization: orange
  [67, 147, 195, 255], // work coverage only: blue
  [118, 42, 131, 255], // uncovered, must cover: purple
  [150, 150, 150, 255], // other uncovered: grey
  [0, 0, 0, 0], // not operating: hidden
];

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
