/**
 * The slides as data a player can paint without the app (the exported HTML file, the presenter's
 * next-slide preview): for each slide its camera, the coverage category of every enterprise it shows
 * (per side on a side-by-side slide), its figures and texts; shared by all slides, the positions and
 * sizes of those enterprises only, the area outlines as the basemap, the buildings and zones in view.
 * Nothing else of the register travels: no names, codes, addresses, counts or hidden columns.
 */
import type { Polygon, MultiPolygon, Position } from 'geojson';
import type { PlanView } from '../../core/model/plan-view';
import type { PlanItem, Slide } from '../../core/model/records';
import { summarize } from '../../core/coverage/coverage';
import { CoverageCategory } from '../../core/coverage/category';
import { EMPTY_FILTER, filterMask, type EnterpriseFilter } from '../../state/filter';
import type { SideKind, SlideView, SplitSetting } from '../../state/presentation';
import { resolveSide, sideColouring, type SplitSide } from '../../map/split/sides';
import { PLAN_STATUS_COLORS, type Rgba } from '../../map/layers/palette';
import { paddedHull } from '../../core/clustering/hull';

/** The map size a slide is assumed to have been captured at when it does not say. */
export const DEFAULT_FRAME: [number, number] = [1440, 900];
/** Enterprises up to this many frames' width around a slide's view are kept, for wider screens. */
const MARGIN = 1.6;
const Q = 1e5;

export interface DeckSide {
  label: string;
  /** base64 of a Uint8Array over the deck's points: the category, 255 = not on this slide. */
  cats: string;
  figures: { label: string; value: string }[];
  /** A snapshot side: per entry of the deck's `areas`, its 组建率 on the snapshot's date (null: not filled). */
  areaRates?: (number | null)[];
}

export interface DeckSlide {
  title: string;
  note: string;
  center: [number, number];
  zoom: number;
  frame: [number, number];
  layers: { enterprises: boolean; buildings: boolean; zones: boolean; areas: boolean; planItems: boolean };
  /** One side, or two (left, right) on a side-by-side slide. */
  sides: DeckSide[];
  /** The slide shows the forecast, not the situation now (said on the slide). */
  forecast: string | null;
}

export interface DeckTexts {
  title: string;
  snapshot: string;
  legendTitle: string;
  categories: string[];
  /** The legend of a snapshot slide: its areas are filled by 组建率 (older files lack it). */
  rateTitle?: string;
  changed: string;
  keys: string;
  counter: string;
  synthetic: string | null;
}

export interface DeckData {
  format: 'lianjian.deck/1';
  lang: string;
  texts: DeckTexts;
  colors: number[][];
  /** base64 Float32Array lon, lat pairs, and a Uint8Array of radii × 4 (pixels). */
  points: { count: number; xy: string; r: string };
  /** Rings as flat, delta-coded integer lon, lat × 1e5. */
  areas: { level: 'district' | 'street'; rings: number[][] }[];
  labels: { name: string; level: 'district' | 'street'; at: [number, number] }[];
  buildings: number[][];
  zones: { kind: string; rings: number[][] }[];
  /** Plan item outlines in view, with their status colour. */
  planItems: { color: number[]; rings: number[][] }[];
  slides: DeckSlide[];
}

export interface DeckInput {
  view: PlanView;
  slides: Slide[];
  planItems: PlanItem[];
  texts: DeckTexts;
  colors: readonly Rgba[];
  lang: string;
  /** Translated names of the sides and figure labels. */
  sideLabel(kind: SideKind): string;
  /** The name of a side of a side-by-side slide comparing two scenarios or two snapshot dates. */
  splitLabel?(split: SplitSetting, which: 'left' | 'right'): string;
  figureLabels: { rate: string; sideRate: string; rateAfter: string; enterprises: string; covered: string; mustCover: string };
  forecastText: string;
  formatNumber(n: number): string;
}

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}

const mercY = (lat: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** [west, south, east, north] a camera shows on a frame of the given size, widened by `margin`. */
export function frameBox(center: [number, number], zoom: number, frame: [number, number], margin = 1): [number, number, number, number] {
  const world = 512 * 2 ** zoom;
  const halfW = (frame[0] * margin) / 2 / world, halfH = (frame[1] * margin) / 2 / world;
  const cx = (center[0] + 180) / 360, cy = mercY(center[1]);
  return [(cx - halfW) * 360 - 180, latOf(cy + halfH), (cx + halfW) * 360 - 180, latOf(cy - halfH)];
}

function ringsOf(g: Polygon | MultiPolygon, step: number): number[][] {
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out: number[][] = [];
  for (const poly of polys) for (const ring of poly) {
    const flat: number[] = [];
    let px = 0, py = 0, lx = NaN, ly = NaN;
    for (const [lon, lat] of ring) {
      const x = Math.round(lon * Q), y = Math.round(lat * Q);
      if (Math.abs(x - lx) < step && Math.abs(y - ly) < step) continue;
      flat.push(x - px, y - py);
      px = x; py = y; lx = x; ly = y;
    }
    if (flat.length >= 6) out.push(flat);
  }
  return out;
}

function boxOfGeometry(g: Polygon | MultiPolygon): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) for (const [lon, lat] of poly[0] ?? []) {
    b[0] = Math.min(b[0], lon); b[1] = Math.min(b[1], lat); b[2] = Math.max(b[2], lon); b[3] = Math.max(b[3], lat);
  }
  return b;
}

const overlaps = (a: number[], b: number[]) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

interface PreparedSide { kind: SideKind; categories: Uint8Array; flags: Uint8Array; label?: string; snapshot?: Extract<SplitSide, { kind: 'snapshot' }>; planning?: boolean }
interface Prepared { slide: Slide; view: Partial<SlideView> & { frame?: [number, number] }; box: [number, number, number, number]; mask: Uint8Array | null; sides: PreparedSide[] }

export function buildDeck(input: DeckInput): DeckData {
  const { view } = input;
  const n = view.enterprises.length;
  const prepared: Prepared[] = input.slides.map((slide) => {
    const v = slide.view as Partial<SlideView> & { frame?: [number, number] };
    const camera = v.camera ?? null;
    const center: [number, number] = camera?.center ?? [0, 0];
    const frame = v.frame ?? DEFAULT_FRAME;
    const box: [number, number, number, number] = camera ? frameBox(center, camera.zoom, frame, MARGIN) : [-180, -85, 180, 85];
    const filter: EnterpriseFilter = { ...EMPTY_FILTER, ...(v.filter ?? {}), bbox: null };
    const split = v.split as SplitSetting | undefined;
    const kinds: SideKind[] = split?.on ? [split.left, split.right] : [v.afterPlan ? 'plan' : 'now'];
    const other = split?.on && (split.compare === 'scenarios' || split.compare === 'snapshots');
    const sides: PreparedSide[] = kinds.map((kind, k) => {
      if (other && split) {
        // Two scenarios (their maps kept by the side-by-side view) or two snapshot dates (areas filled, no enterprises).
        const which = k === 0 ? 'left' : 'right';
        const side = resolveSide(view, input.planItems, split, which);
        const label = input.splitLabel?.(split, which) ?? input.sideLabel(kind);
        if (side.kind === 'coverage' && side.colouring) return { kind, label, categories: side.colouring.categories, flags: side.colouring.flags };
        const none = new Uint8Array(n).fill(CoverageCategory.OUT_OF_SCOPE);
        return { kind, label, categories: none, flags: new Uint8Array(n), ...(side.kind === 'snapshot' ? { snapshot: side } : { planning: true }) };
      }
      const c = sideColouring(view, input.planItems, kind);
      return { kind, categories: c.categories, flags: c.flags };
    });
    return { slide, view: v, box, mask: filterMask(view, filter), sides };
  });

  // The points any slide shows, in register order.
  const used = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const lon = view.positions[i * 2], lat = view.positions[i * 2 + 1];
    if (lon !== lon) continue;
    for (const p of prepared) {
      if (p.view.layers && p.view.layers.enterprises === false) continue;
      if (p.mask && !p.mask[i]) continue;
      if (lon < p.box[0] || lon > p.box[2] || lat < p.box[1] || lat > p.box[3]) continue;
      if (p.sides.every((s) => s.categories[i] === CoverageCategory.OUT_OF_SCOPE)) continue;
      used[i] = count++;
      break;
    }
  }
  const xy = new Float32Array(count * 2);
  const r = new Uint8Array(count);
  for (let i = 0; i < n; i++) {
    const k = used[i];
    if (k < 0) continue;
    xy[k * 2] = view.positions[i * 2];
    xy[k * 2 + 1] = view.positions[i * 2 + 1];
    r[k] = Math.round((2 + Math.min(9, Math.sqrt(view.employees[i]) / 3)) * 4);
  }

  const f = input.figureLabels;
  const polygonalAreas = view.areas.features.filter((ft) => !!ft.geometry && (ft.geometry.type === 'Polygon' || ft.geometry.type === 'MultiPolygon'));
  const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(2)}%` : '—');
  const slides: DeckSlide[] = prepared.map((p) => {
    const camera = p.view.camera;
    const split = p.sides.length === 2;
    const now = summarize(view.flags, p.mask ?? undefined);
    const after = summarize(sideColouring(view, input.planItems, 'plan').flags, p.mask ?? undefined);
    const sides: DeckSide[] = p.sides.map((s) => {
      const cats = new Uint8Array(count).fill(255);
      for (let i = 0; i < n; i++) {
        const k = used[i];
        if (k < 0 || (p.mask && !p.mask[i])) continue;
        const lon = view.positions[i * 2], lat = view.positions[i * 2 + 1];
        if (lon < p.box[0] || lon > p.box[2] || lat < p.box[1] || lat > p.box[3]) continue;
        cats[k] = s.categories[i];
      }
      if (s.snapshot || s.planning) {
        const totals = s.snapshot?.totals;
        const rates = s.snapshot ? new Map(s.snapshot.areas.features.map((ft) => [String(ft.properties?.id), Number(ft.properties?.snapshot_rate)])) : null;
        return {
          label: s.label ?? input.sideLabel(s.kind), cats: toBase64(cats),
          figures: totals ? [
            { label: f.sideRate, value: pct(totals.rate) },
            { label: f.covered, value: `${input.formatNumber(totals.covered)} / ${input.formatNumber(totals.enterprises)}` },
            { label: f.mustCover, value: `${input.formatNumber(totals.mustCoverCovered)} / ${input.formatNumber(totals.mustCover)}` },
          ] : [],
          ...(rates ? { areaRates: polygonalAreas.map((ft) => rates.get(String(ft.properties?.id)) ?? null) } : {}),
        };
      }
      const sum = summarize(s.flags, p.mask ?? undefined);
      const figures = split
        ? [{ label: f.sideRate, value: pct(sum.coverage_rate) }, { label: f.covered, value: input.formatNumber(sum.covered) }, { label: f.mustCover, value: `${input.formatNumber(sum.must_cover_covered)} / ${input.formatNumber(sum.must_cover)}` }]
        : [
            { label: f.rate, value: pct(now.coverage_rate) },
            { label: f.rateAfter, value: pct(after.coverage_rate) },
            { label: f.enterprises, value: input.formatNumber(now.enterprises) },
            { label: f.covered, value: input.formatNumber(sum.covered) },
            { label: f.mustCover, value: `${input.formatNumber(sum.must_cover_covered)} / ${input.formatNumber(now.must_cover)}` },
          ];
      return { label: s.label ?? input.sideLabel(s.kind), cats: toBase64(cats), figures };
    });
    const layers = p.view.layers;
    return {
      title: p.slide.title,
      note: p.slide.note,
      center: camera?.center ?? (view.initialBounds ? [(view.initialBounds[0] + view.initialBounds[2]) / 2, (view.initialBounds[1] + view.initialBounds[3]) / 2] : [0, 0]),
      zoom: camera?.zoom ?? 10,
      frame: p.view.frame ?? DEFAULT_FRAME,
      layers: { enterprises: layers?.enterprises !== false, buildings: layers?.buildings !== false, zones: layers?.zones !== false, areas: layers?.areas !== false, planItems: layers?.planItems !== false },
      sides,
      forecast: p.sides.some((s) => s.kind !== 'now') && !split ? input.forecastText : null,
    };
  });

  const boxes = prepared.map((p) => p.box);
  const inAny = (g: Polygon | MultiPolygon) => { const b = boxOfGeometry(g); return boxes.some((x) => overlaps(b, x)); };
  const polygonal = (g: unknown): g is Polygon | MultiPolygon => !!g && ((g as Polygon).type === 'Polygon' || (g as MultiPolygon).type === 'MultiPolygon');
  const areas = polygonalAreas.map((ft) => ({
    level: (ft.properties?.level === 'street' ? 'street' : 'district') as 'district' | 'street',
    rings: ringsOf(ft.geometry as Polygon | MultiPolygon, 8),
  }));
  const buildings = view.buildings.features.filter((ft) => polygonal(ft.geometry) && inAny(ft.geometry as Polygon)).flatMap((ft) => ringsOf(ft.geometry as Polygon | MultiPolygon, 1));
  const zones = view.zones.features.filter((ft) => polygonal(ft.geometry) && inAny(ft.geometry as Polygon)).map((ft) => ({ kind: String(ft.properties?.kind ?? ''), rings: ringsOf(ft.geometry as Polygon | MultiPolygon, 2) }));
  const index = new Map(view.enterprises.map((e, i) => [e.id, i]));
  const planItems = input.planItems.flatMap((item) => {
    let g: Polygon | MultiPolygon | null = item.geometry as Polygon | MultiPolygon | null;
    if (!g) {
      const coords: [number, number][] = [];
      for (const id of item.enterpriseIds) {
        const i = index.get(id);
        if (i !== undefined && view.positions[i * 2] === view.positions[i * 2]) coords.push([view.positions[i * 2], view.positions[i * 2 + 1]]);
      }
      g = coords.length > 0 ? (paddedHull(coords, 40) as Polygon | MultiPolygon | null) : null;
    }
    if (!g || !polygonal(g) || !inAny(g)) return [];
    const c = PLAN_STATUS_COLORS[item.status];
    return [{ color: [c[0], c[1], c[2]], rings: ringsOf(g, 1) }];
  });
  return {
    format: 'lianjian.deck/1',
    lang: input.lang,
    texts: input.texts,
    colors: input.colors.slice(0, 5).map((c) => [c[0], c[1], c[2]]),
    points: { count, xy: toBase64(new Uint8Array(xy.buffer)), r: toBase64(r) },
    areas,
    labels: view.areaLabels.map((l) => ({ name: l.name, level: l.level, at: [Math.round(l.position[0] * Q) / Q, Math.round(l.position[1] * Q) / Q] })),
    buildings,
    zones,
    planItems,
    slides,
  };
}
