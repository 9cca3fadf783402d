/** The app's one store, in slices: loaded plan, selection, layers, camera requests and settings. */
import { create } from 'zustand';
import type { PlanView } from '../core/model/plan-view';
import type { Repository } from '../data/repository';
import type { BulletinSnapshot } from '../core/model/records';

export const LAYER_KEYS = ['enterprises', 'buildings', 'zones', 'coverageFill', 'planItems', 'areas', 'clusters', 'heat', 'recommendation'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

export type Basemap = { kind: 'offline' } | { kind: 'xyz'; url: string } | { kind: 'pmtiles'; url: string };

export interface ViewRequest {
  /** [west, south, east, north] */
  bbox: [number, number, number, number];
  /** Increases with every request so that the same box can be asked twice. */
  seq: number;
}

export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** What a map image carries besides the map (texts come translated from the UI). */
export interface ImageDecor {
  title: string;
  subtitle: string;
  legend: { color: string; label: string }[];
  legendTitle: string;
  north: string;
  attribution: string;
}

export interface BootProgress {
  step: string;
  done?: number;
  total?: number;
}

export interface StorageInfo {
  kind: Repository['kind'];
  /** navigator.storage.persist()'s answer; null where the browser has no such API. */
  persisted: boolean | null;
  firstStart: boolean;
  /** The page shows what it kept from the last visit while the embedded store opens and confirms it. */
  opening: boolean;
  bootMs: number;
}

/** What only the embedded store can do. */
export interface LocalStoreActions {
  exportDump(): Promise<Blob>;
  restore(dump: Blob): Promise<void>;
}

export interface AppState {
  status: 'loading' | 'ready' | 'failed';
  boot: BootProgress | null;
  storage: StorageInfo | null;
  /** A repository is open (services.ts holds it): writes, and reads through it, can go. */
  canWrite: boolean;
  /** The embedded store's backup and restore are there (services.ts holds them). */
  storeBackup: boolean;
  /** Saves shown on the page whose files the embedded store is still writing (see Repository.pendingWrites). */
  pendingWrites: number;
  /** The bulletin's dated figures, kept up to date by the change feed. */
  snapshots: BulletinSnapshot[];
  error: string | null;
  view: PlanView | null;
  selectedEnterprise: number | null;
  selectedRecommendation: string | null;
  layers: Record<LayerKey, boolean>;
  viewRequest: ViewRequest | null;
  /** Where the map looks now (kept on every move end), and a camera to jump to. */
  camera: Camera | null;
  cameraRequest: (Camera & { seq: number }) | null;
  basemap: Basemap;
  setLoading(): void;
  setPlan(view: PlanView): void;
  /** A new plan of the same register after a change: keeps what is selected where it still exists. */
  replacePlan(view: PlanView): void;
  /** Shows changed rows at once (same rows, same order) before the new plan arrives. */
  showRows(enterprises: PlanView['enterprises']): void;
  setFailed(message: string): void;
  selectEnterprise(index: number | null): void;
  selectRecommendation(id: string | null): void;
  toggleLayer(key: LayerKey, visible: boolean): void;
  requestView(bbox: ViewRequest['bbox']): void;
  requestCamera(camera: Camera): void;
  setLayers(layers: Record<LayerKey, boolean>): void;
  setBasemap(basemap: Basemap): void;
}

const BASEMAP_KEY = 'lianjian.basemap';

function storedBasemap(): Basemap {
  try {
    const raw = globalThis.localStorage?.getItem(BASEMAP_KEY);
    const parsed = raw ? (JSON.parse(raw) as Basemap) : null;
    if (parsed && (parsed.kind === 'offline' || ((parsed.kind === 'xyz' || parsed.kind === 'pmtiles') && typeof parsed.url === 'string'))) return parsed;
  } catch {
    // a damaged setting falls back to the offline basemap
  }
  return { kind: 'offline' };
}

export const useAppStore = create<AppState>()((set) => ({
  status: 'loading',
  boot: null,
  storage: null,
  canWrite: false,
  storeBackup: false,
  pendingWrites: 0,
  snapshots: [],
  error: null,
  view: null,
  selectedEnterprise: null,
  selectedRecommendation: null,
  layers: { enterprises: true, buildings: true, zones: true, coverageFill: true, planItems: true, areas: true, clusters: true, heat: false, recommendation: true },
  viewRequest: null,
  camera: null,
  cameraRequest: null,
  basemap: storedBasemap(),
  setLoading: () => set({ status: 'loading', error: null }),
  setPlan: (view) =>
    set((s) => {
      // Keep the selected enterprise across a re-plan when it is still there (rows keep their order).
      const previous = s.view && s.selectedEnterprise !== null ? s.view.enterprises[s.selectedEnterprise]?.id : undefined;
      const kept = previous !== undefined && view.enterprises[s.selectedEnterprise as number]?.id === previous ? s.selectedEnterprise : null;
      return { status: 'ready', view, error: null, boot: null, selectedEnterprise: kept, selectedRecommendation: null };
    }),
  replacePlan: (view) =>
    set((s) => {
      const previous = s.view && s.selectedEnterprise !== null ? s.view.enterprises[s.selectedEnterprise]?.id : undefined;
      let selected: number | null = null;
      if (previous !== undefined) {
        const same = view.enterprises[s.selectedEnterprise as number]?.id === previous;
        selected = same ? s.selectedEnterprise : view.enterprises.findIndex((e) => e.id === previous);
        if (selected === -1) selected = null;
      }
      const keepRecommendation = s.selectedRecommendation !== null && view.report.recommendations.some((r) => r.id === s.selectedRecommendation);
      return { status: 'ready', view, error: null, selectedEnterprise: selected, selectedRecommendation: keepRecommendation ? s.selectedRecommendation : null };
    }),
  showRows: (enterprises) => set((s) => (s.view && s.view.enterprises.length === enterprises.length ? { view: { ...s.view, enterprises } } : {})),
  setFailed: (message) => set({ status: 'failed', error: message }),
  selectEnterprise: (index) => set({ selectedEnterprise: index }),
  selectRecommendation: (id) => set({ selectedRecommendation: id }),
  toggleLayer: (key, visible) => set((s) => ({ layers: { ...s.layers, [key]: visible } })),
  requestView: (bbox) => set((s) => ({ viewRequest: { bbox, seq: (s.viewRequest?.seq ?? 0) + 1 } })),
  requestCamera: (camera) => set((s) => ({ cameraRequest: { ...camera, seq: (s.cameraRequest?.seq ?? 0) + 1 } })),
  setLayers: (layers) => set((s) => ({ layers: { ...s.layers, ...layers } })),
  setBasemap: (basemap) => {
    globalThis.localStorage?.setItem(BASEMAP_KEY, JSON.stringify(basemap));
    set({ basemap });
  },
}));

