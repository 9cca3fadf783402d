/**
 * The presenter's window and the audience window kept in step through a BroadcastChannel (same device,
 * no network): the presenter sends the slide, the camera, the before/after and side-by-side settings,
 * the coverage palette and the pointer; the audience sends the keys pressed on it (a clicker may be
 * plugged into either) and asks for the state when it opens.
 */
import type { Slide } from '../../core/model/records';
import type { Camera } from '../../state/store';
import { useAppStore } from '../../state/store';
import { applySlideView, usePresentationStore, type RemoteAction, type SplitSetting } from '../../state/presentation';
import { mapBridge } from '../../map/map-bridge';
import { coveragePalette, setCoveragePalette, type CoveragePaletteName } from '../../map/layers/palette';

export type MeetingMessage =
  | { type: 'hello' }
  | { type: 'state'; presenting: boolean; index: number; slides: Slide[]; afterPlan: boolean; split: SplitSetting; palette: CoveragePaletteName }
  | { type: 'camera'; camera: Camera }
  | { type: 'pointer'; at: [number, number] | null }
  | { type: 'remote'; action: RemoteAction };

export const channelName = (dataset: string) => `lianjian-meeting:${dataset}`;

/** The audience window's address: the same app and dataset, in audience mode. */
export function audienceUrl(href: string): string {
  const url = new URL(href);
  for (const key of [...url.searchParams.keys()]) if (key !== 'dataset' && key !== 'lang' && key !== 'limit') url.searchParams.delete(key);
  url.searchParams.set('audience', '1');
  url.hash = '';
  return url.toString();
}

/** Presenter side: runs while the audience window may be open; returns the function that ends it. */
export function startPresenterChannel(dataset: string, pointerOn: () => boolean): () => void {
  const channel = new BroadcastChannel(channelName(dataset));
  const post = (m: MeetingMessage) => channel.postMessage(m);
  const state = (): MeetingMessage => {
    const p = usePresentationStore.getState();
    return { type: 'state', presenting: p.presenting, index: p.index, slides: p.slides, afterPlan: p.afterPlan, split: p.split, palette: coveragePalette() };
  };
  const sendCamera = () => {
    const camera = useAppStore.getState().camera;
    if (camera) post({ type: 'camera', camera });
  };
  channel.onmessage = (e: MessageEvent<MeetingMessage>) => {
    const m = e.data;
    if (m.type === 'hello') {
      post(state());
      sendCamera();
    } else if (m.type === 'remote') {
      const p = usePresentationStore.getState();
      if (m.action === 'end') p.stop();
      else p.step(m.action === 'next' ? 1 : -1);
    }
  };
  const offPresentation = usePresentationStore.subscribe((s, prev) => {
    if (s.presenting !== prev.presenting || s.index !== prev.index || s.slides !== prev.slides || s.afterPlan !== prev.afterPlan || s.split !== prev.split) post(state());
  });
  const offCamera = useAppStore.subscribe((s, prev) => {
    if (s.camera !== prev.camera) sendCamera();
    // A palette change bumps the layers object (see PaletteSwitch): pass it on.
    if (s.layers !== prev.layers) post(state());
  });
  let frame = 0;
  let last: [number, number] | null = null;
  const offPointer = mapBridge.onPointer((at) => {
    last = pointerOn() ? at : null;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      post({ type: 'pointer', at: last });
    });
  });
  const bye = () => post({ ...(state() as Extract<MeetingMessage, { type: 'state' }>), presenting: false });
  window.addEventListener('pagehide', bye);
  post(state());
  return () => {
    window.removeEventListener('pagehide', bye);
    offPresentation();
    offCamera();
    offPointer();
    cancelAnimationFrame(frame);
    channel.close();
  };
}

/** Audience side: follows the presenter; keys pressed here go back to it. */
export function startAudienceChannel(dataset: string): () => void {
  const channel = new BroadcastChannel(channelName(dataset));
  const post = (m: MeetingMessage) => channel.postMessage(m);
  usePresentationStore.setState({ remote: (action) => post({ type: 'remote', action }) });
  channel.onmessage = (e: MessageEvent<MeetingMessage>) => {
    const m = e.data;
    const p = usePresentationStore.getState();
    if (m.type === 'state') {
      if (m.palette !== coveragePalette()) {
        setCoveragePalette(m.palette);
        useAppStore.setState((s) => ({ layers: { ...s.layers } }));
      }
      const moved = !p.presenting || p.index !== m.index || p.slides[m.index]?.id !== m.slides[m.index]?.id;
      usePresentationStore.setState({ slides: m.slides, index: m.index, presenting: m.presenting, startedAt: p.startedAt ?? Date.now() });
      if (m.presenting && moved) applySlideView(m.slides[m.index]?.view);
      usePresentationStore.setState({ afterPlan: m.afterPlan, split: m.split, ...(m.presenting ? {} : { pointer: null }) });
    } else if (m.type === 'camera') {
      const c = useAppStore.getState().camera;
      const same = c && Math.abs(c.zoom - m.camera.zoom) < 1e-6 && Math.abs(c.center[0] - m.camera.center[0]) < 1e-9 && Math.abs(c.center[1] - m.camera.center[1]) < 1e-9;
      if (!same && p.presenting) useAppStore.getState().requestCamera(m.camera);
    } else if (m.type === 'pointer') {
      usePresentationStore.setState({ pointer: m.at });
    }
  };
  post({ type: 'hello' });
  return () => {
    usePresentationStore.setState({ remote: null });
    channel.close();
  };
}
