/**
 * The URL keeps the view, so that a link opens the same picture: the dataset (and language), the
 * camera, the filter, and the chosen enterprise, recommendation or place. Read once when the plan is
 * there, then written back (replaceState, no history entries) whenever one of them changes.
 */
import { useEffect } from 'react';
import { useAppStore, type Camera } from '../state/store';
import { usePlanningStore } from '../state/planning';
import { EMPTY_FILTER, SIZE_BANDS, type EnterpriseFilter, type SizeBand } from '../state/filter';
import { useSearchStore } from '../state/search';
import { enterpriseIndexById, recommendationsById } from '../state/selectors';
import type { PlanView } from '../core/model/plan-view';
import type { CoverageCategory } from '../core/coverage/category';

/** The URL parameters this file owns (dataset, limit and lang belong to config and i18n). */
export const VIEW_PARAMS = ['at', 'q', 'area', 'ind', 'size', 'cat', 'must', 'op', 'screen', 'e', 'rec', 'place'] as const;

export interface UrlView {
  camera: Camera | null;
  filter: EnterpriseFilter;
  followScreen: boolean;
  enterpriseId: string | null;
  recommendationId: string | null;
  place: { kind: 'building' | 'zone'; id: string } | null;
}

const TRI = new Set(['any', 'yes', 'no']);
const round = (n: number, digits: number) => Number(n.toFixed(digits));

export function parseUrlView(search: string): UrlView {
  const p = new URLSearchParams(search);
  let camera: Camera | null = null;
  const at = (p.get('at') ?? '').split(',').map(Number);
  if (at.length >= 3 && at.slice(0, 3).every(Number.isFinite) && Math.abs(at[0]) <= 180 && Math.abs(at[1]) <= 90 && at[2] >= 0 && at[2] <= 24) {
    camera = { center: [at[0], at[1]], zoom: at[2], bearing: Number.isFinite(at[3]) ? at[3] : 0, pitch: Number.isFinite(at[4]) ? at[4] : 0 };
  }
  const list = (key: string, sep = ',') => (p.get(key) ?? '').split(sep).map((s) => s.trim()).filter(Boolean);
  const tri = (key: string) => { const v = p.get(key) ?? 'any'; return (TRI.has(v) ? v : 'any') as 'any' | 'yes' | 'no'; };
  const placeRaw = (p.get('place') ?? '').split(':');
  return {
    camera,
    filter: {
      ...EMPTY_FILTER,
      text: p.get('q') ?? '',
      areaId: p.get('area') || null,
      industries: list('ind', '|'),
      sizes: list('size').filter((s): s is SizeBand => (SIZE_BANDS as readonly string[]).includes(s)),
      categories: list('cat').map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n <= 5) as CoverageCategory[],
      mustCover: tri('must'),
      operating: tri('op'),
    },
    followScreen: p.get('screen') === '1',
    enterpriseId: p.get('e') || null,
    recommendationId: p.get('rec') || null,
    place: (placeRaw[0] === 'building' || placeRaw[0] === 'zone') && placeRaw[1] ? { kind: placeRaw[0], id: placeRaw.slice(1).join(':') } : null,
  };
}

/** The URL for a view, keeping every parameter this file does not own. */
export function writeUrlView(search: string, view: UrlView): string {
  const p = new URLSearchParams(search);
  for (const key of VIEW_PARAMS) p.delete(key);
  const { camera, filter } = view;
  if (camera) p.set('at', [round(camera.center[0], 6), round(camera.center[1], 6), round(camera.zoom, 2), ...(camera.bearing || camera.pitch ? [round(camera.bearing, 1), round(camera.pitch, 1)] : [])].join(','));
  if (filter.text.trim()) p.set('q', filter.text.trim());
  if (filter.areaId) p.set('area', filter.areaId);
  if (filter.industries.length) p.set('ind', filter.industries.join('|'));
  if (filter.sizes.length) p.set('size', filter.sizes.join(','));
  if (filter.categories.length) p.set('cat', filter.categories.join(','));
  if (filter.mustCover !== 'any') p.set('must', filter.mustCover);
  if (filter.operating !== 'any') p.set('op', filter.operating);
  if (view.followScreen) p.set('screen', '1');
  if (view.enterpriseId) p.set('e', view.enterpriseId);
  if (view.recommendationId) p.set('rec', view.recommendationId);
  if (view.place) p.set('place', `${view.place.kind}:${view.place.id}`);
  const out = p.toString();
  return out ? `?${out}` : '';
}

function currentView(view: PlanView): UrlView {
  const app = useAppStore.getState();
  const planning = usePlanningStore.getState();
  const place = useSearchStore.getState().place;
  const feature = place ? (place.kind === 'building' ? view.buildings : view.zones).features[place.index] : null;
  return {
    camera: app.camera,
    filter: planning.filter,
    followScreen: planning.followScreen,
    enterpriseId: app.selectedEnterprise !== null ? view.enterprises[app.selectedEnterprise]?.id ?? null : null,
    recommendationId: app.selectedRecommendation,
    place: place && feature ? { kind: place.kind, id: String(feature.properties?.id) } : null,
  };
}

function applyView(view: PlanView, wanted: UrlView): void {
  const app = useAppStore.getState();
  if (wanted.camera) app.requestCamera(wanted.camera);
  const areaKnown = wanted.filter.areaId === null || view.areaList.some((a) => a.id === wanted.filter.areaId);
  usePlanningStore.setState({ filter: { ...wanted.filter, areaId: areaKnown ? wanted.filter.areaId : null }, followScreen: wanted.followScreen });
  const index = wanted.enterpriseId ? enterpriseIndexById(view).get(wanted.enterpriseId) : undefined;
  if (index !== undefined) app.selectEnterprise(index);
  if (wanted.recommendationId && recommendationsById(view).has(wanted.recommendationId)) app.selectRecommendation(wanted.recommendationId);
  if (wanted.place) {
    const features = (wanted.place.kind === 'building' ? view.buildings : view.zones).features;
    const at = features.findIndex((f) => String(f.properties?.id) === wanted.place?.id);
    if (at >= 0) useSearchStore.getState().selectPlace({ kind: wanted.place.kind, index: at });
  }
}

let appliedFor: PlanView | null = null;

/** Reads the view from the URL once the plan is there; afterwards keeps the URL in step. */
export function useUrlView(): void {
  const view = useAppStore((s) => s.view);
  const ready = view !== null;
  useEffect(() => {
    const first = useAppStore.getState().view;
    if (!first) return;
    if (appliedFor === null) applyView(first, parseUrlView(window.location.search));
    appliedFor = first;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const current = useAppStore.getState().view;
        if (!current) return;
        const next = writeUrlView(window.location.search, currentView(current));
        if (next !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${next}${window.location.hash}`);
      }, 250);
    };
    const unsubscribe = [useAppStore.subscribe(write), usePlanningStore.subscribe(write), useSearchStore.subscribe(write)];
    write();
    return () => {
      clearTimeout(timer);
      unsubscribe.forEach((u) => u());
    };
  }, [ready]);
}
