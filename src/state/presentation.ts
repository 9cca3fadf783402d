/**
 * Presentation mode: slides are saved views (camera, visible layers, filter, before/after the plan)
 * with a title and a note, stored through the repository; presenting applies them one by one.
 */
import { create } from 'zustand';
import type { Slide } from '../core/model/records';
import { useAppStore, type Camera, type LayerKey } from './store';
import { usePlanningStore } from './planning';
import { EMPTY_FILTER, type EnterpriseFilter } from './filter';

export interface SlideView {
  camera: Camera | null;
  layers: Record<LayerKey, boolean>;
  filter: EnterpriseFilter;
  afterPlan: boolean;
}

interface PresentationState {
  slides: Slide[];
  index: number;
  presenting: boolean;
  afterPlan: boolean;
  setSlides(slides: Slide[]): void;
  setAfterPlan(on: boolean): void;
  present(index: number): void;
  step(by: number): void;
  stop(): void;
}

export function captureView(): SlideView {
  const { camera, layers } = useAppStore.getState();
  const { filter } = usePlanningStore.getState();
  return { camera, layers, filter: { ...filter, bbox: null }, afterPlan: usePresentationStore.getState().afterPlan };
}

function applySlide(slide: Slide | undefined) {
  if (!slide) return;
  const view = slide.view as Partial<SlideView>;
  if (view.camera) useAppStore.getState().requestCamera(view.camera);
  if (view.layers) useAppStore.getState().setLayers(view.layers);
  usePlanningStore.setState({ filter: { ...EMPTY_FILTER, ...(view.filter ?? {}), bbox: null }, followScreen: false });
  usePresentationStore.setState({ afterPlan: view.afterPlan === true });
}

export const usePresentationStore = create<PresentationState>()((set, get) => ({
  slides: [],
  index: 0,
  presenting: false,
  afterPlan: false,
  setSlides: (slides) => set({ slides }),
  setAfterPlan: (afterPlan) => set({ afterPlan }),
  present: (index) => {
    set({ presenting: true, index });
    applySlide(get().slides[index]);
  },
  step: (by) => {
    const { index, slides, presenting } = get();
    const next = Math.max(0, Math.min(slides.length - 1, index + by));
    if (!presenting || next === index) return;
    set({ index: next });
    applySlide(slides[next]);
  },
  // Leaving the presentation returns the map to the situation as it is: the after-plan colouring of a
  // slide must not linger, unlabelled, in the workspace or in an exported image.
  stop: () => set({ presenting: false, afterPlan: false }),
}));
