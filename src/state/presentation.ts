/**
 * Presentation mode: slides are saved views (camera, visible layers, filter, before/after the plan,
 * optionally two maps side by side) with a title and a note, stored through the repository;
 * presenting applies them one by one. In the meeting room one window presents (the presenter view:
 * notes, next slide, time) and another, on the projector, shows the audience screen; they are kept in
 * step by src/ui/presentation/meeting-channel.ts.
 */
import { create } from 'zustand';
import type { Slide } from '../core/model/records';
import { useAppStore, type Camera, type LayerKey } from './store';
import { usePlanningStore } from './planning';
import { EMPTY_FILTER, type EnterpriseFilter } from './filter';
import type { RuleProfile } from '../core/model/types';

/** What one side of the side-by-side view shows: the situation now, after every plan item, after every recommendation. */
export type SideKind = 'now' | 'plan' | 'recommended';
export const SIDE_KINDS: readonly SideKind[] = ['now', 'plan', 'recommended'];

/** What the two sides compare: the situation now / after the plan / after the recommendations, two scenarios, two snapshot dates. */
export type SplitCompare = 'plan' | 'scenarios' | 'snapshots';
export const SPLIT_COMPARES: readonly SplitCompare[] = ['plan', 'scenarios', 'snapshots'];

/** One scenario of the planner's 方案比较: 'current' (the rules in force) or a preset's key, with the rules it was planned under. */
export interface SplitScenario {
  key: string;
  rules: Partial<RuleProfile>;
}

export interface SplitSetting {
  on: boolean;
  /** Two maps next to each other, or one over the other with a swipe line. */
  mode: 'side' | 'swipe';
  left: SideKind;
  right: SideKind;
  /** Where the swipe line stands, 0–1 of the map's width. */
  swipe: number;
  /** Absent: 'plan' (left and right say which). */
  compare?: SplitCompare;
  /** compare 'scenarios': scenario A (left) and B (right). */
  scenarios?: [SplitScenario, SplitScenario];
  /** compare 'snapshots': the two snapshot dates (YYYY-MM-DD), left and right. */
  dates?: [string, string];
}

export const SPLIT_OFF: SplitSetting = { on: false, mode: 'side', left: 'now', right: 'plan', swipe: 0.5 };

export interface SlideView {
  camera: Camera | null;
  layers: Record<LayerKey, boolean>;
  filter: EnterpriseFilter;
  afterPlan: boolean;
  /** Present only on side-by-side slides. */
  split?: SplitSetting;
}

/** single: today's one-screen mode; presenter: the laptop, with an audience window open; audience: the projector's window. */
export type PresentationRole = 'single' | 'presenter' | 'audience';
export type RemoteAction = 'next' | 'previous' | 'end';

interface PresentationState {
  slides: Slide[];
  index: number;
  presenting: boolean;
  afterPlan: boolean;
  role: PresentationRole;
  /** When the current presentation started (ms since the epoch), for the presenter's clock. */
  startedAt: number | null;
  split: SplitSetting;
  /** Audience: where the presenter points on the map, [lon, lat]. */
  pointer: [number, number] | null;
  /** Audience: hands a key press to the presenter (set by the meeting channel). */
  remote: ((action: RemoteAction) => void) | null;
  setSlides(slides: Slide[]): void;
  setAfterPlan(on: boolean): void;
  setSplit(change: Partial<SplitSetting>): void;
  present(index: number, role?: PresentationRole): void;
  step(by: number): void;
  stop(): void;
}

export function audienceFromUrl(search: string): boolean {
  return new URLSearchParams(search).get('audience') === '1';
}

export function captureView(): SlideView {
  const { camera, layers } = useAppStore.getState();
  const { filter } = usePlanningStore.getState();
  const { afterPlan, split } = usePresentationStore.getState();
  return { camera, layers, filter: { ...filter, bbox: null }, afterPlan, ...(split.on ? { split: { ...split } } : {}) };
}

function validSplit(raw: unknown): SplitSetting {
  const s = (raw ?? {}) as Partial<SplitSetting>;
  const side = (v: unknown, d: SideKind): SideKind => (SIDE_KINDS.includes(v as SideKind) ? (v as SideKind) : d);
  if (s.on !== true) return SPLIT_OFF;
  const scenario = (v: unknown): SplitScenario | null => {
    const x = v as Partial<SplitScenario> | null;
    return x && typeof x.key === 'string' && x.rules && typeof x.rules === 'object' ? { key: x.key, rules: { ...x.rules } } : null;
  };
  const scenarios = Array.isArray(s.scenarios) ? s.scenarios.map(scenario) : [];
  const dates = Array.isArray(s.dates) ? s.dates.filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) : [];
  const compare: SplitCompare = s.compare === 'scenarios' && scenarios.length === 2 && scenarios.every(Boolean) ? 'scenarios'
    : s.compare === 'snapshots' ? 'snapshots' : 'plan';
  return {
    on: true,
    mode: s.mode === 'swipe' ? 'swipe' : 'side',
    left: side(s.left, 'now'),
    right: side(s.right, 'plan'),
    swipe: typeof s.swipe === 'number' && s.swipe > 0 && s.swipe < 1 ? s.swipe : 0.5,
    ...(compare === 'plan' ? {} : { compare }),
    ...(compare === 'scenarios' ? { scenarios: scenarios as [SplitScenario, SplitScenario] } : {}),
    ...(compare === 'snapshots' && dates.length === 2 ? { dates: [dates[0], dates[1]] as [string, string] } : {}),
  };
}

/** Puts the slide's view on the map (and the side-by-side setting on the screen). */
export function applySlideView(raw: Slide['view'] | undefined): void {
  if (!raw) return;
  const view = raw as Partial<SlideView>;
  if (view.camera) useAppStore.getState().requestCamera(view.camera);
  if (view.layers) useAppStore.getState().setLayers(view.layers);
  usePlanningStore.setState({ filter: { ...EMPTY_FILTER, ...(view.filter ?? {}), bbox: null }, followScreen: false });
  usePresentationStore.setState({ afterPlan: view.afterPlan === true, split: validSplit(view.split) });
}

export const usePresentationStore = create<PresentationState>()((set, get) => ({
  slides: [],
  index: 0,
  presenting: false,
  afterPlan: false,
  role: audienceFromUrl(globalThis.location?.search ?? '') ? 'audience' : 'single',
  startedAt: null,
  split: SPLIT_OFF,
  pointer: null,
  remote: null,
  setSlides: (slides) => set({ slides }),
  setAfterPlan: (afterPlan) => set({ afterPlan }),
  setSplit: (change) => set((s) => ({ split: { ...s.split, ...change } })),
  present: (index, role) => {
    const keep = get().role === 'audience' ? 'audience' : (role ?? 'single');
    set({ presenting: true, index, role: keep, startedAt: get().presenting ? get().startedAt : Date.now() });
    applySlideView(get().slides[index]?.view);
  },
  step: (by) => {
    const { index, slides, presenting, role, remote } = get();
    if (role === 'audience') {
      if (by !== 0) remote?.(by > 0 ? 'next' : 'previous');
      return;
    }
    const next = Math.max(0, Math.min(slides.length - 1, index + by));
    if (!presenting || next === index) return;
    set({ index: next });
    applySlideView(slides[next]?.view);
  },
  // Leaving the presentation returns the map to the situation as it is: the after-plan colouring (and a
  // side-by-side slide) must not linger, unlabelled, in the workspace or in an exported image.
  stop: () => {
    const { role, remote } = get();
    if (role === 'audience') {
      remote?.('end');
      return;
    }
    set({ presenting: false, afterPlan: false, role: 'single', startedAt: null, split: SPLIT_OFF });
  },
}));
