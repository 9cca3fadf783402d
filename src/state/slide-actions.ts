/** Slides through the repository: add the current view, edit, reorder, delete (the feed brings the result back). */
import type { Slide } from '../core/model/records';
import { repository } from './services';
import { captureView, usePresentationStore } from './presentation';

/** `frame`: the map's size in CSS pixels, so that a player (the HTML file, a preview) shows the same extent. */
export async function addSlide(title: string, note: string, frame?: [number, number]): Promise<void> {
  await repository().saveSlide({ title, note, view: { ...captureView(), ...(frame ? { frame } : {}) } });
}

export async function updateSlide(slide: Slide, change: Partial<Pick<Slide, 'title' | 'note'>> & { recapture?: boolean; frame?: [number, number] }): Promise<void> {
  const { recapture, frame, ...fields } = change;
  await repository().saveSlide({ ...slide, ...fields, view: recapture ? { ...captureView(), ...(frame ? { frame } : {}) } : slide.view });
}

export async function deleteSlide(slide: Slide): Promise<void> {
  await repository().deleteSlide(slide.id);
}

/** Swaps a slide with its neighbour (by = -1 up, +1 down). */
export async function moveSlide(slide: Slide, by: -1 | 1): Promise<void> {
  const { slides } = usePresentationStore.getState();
  const k = slides.findIndex((s) => s.id === slide.id);
  const other = slides[k + by];
  if (!other) return;
  await repository().saveSlide({ ...slide, position: other.position });
  await repository().saveSlide({ ...other, position: slide.position });
}
