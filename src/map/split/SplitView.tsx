/**
 * Two maps in step: the main map (MapCanvas) shows the left side, this component's own map the right
 * side, with the same camera. Side by side (each half the width) or, with a swipe line, this map over
 * the main one right of the line (camera shifted so that every place stays where the main map draws it). Each side says what it shows and its figures; the enterprises whose coverage differs between
 * the sides are ringed on the right.
 */
import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { useTranslation } from 'react-i18next';
import { useAppStore, type Camera } from '../../state/store';
import { usePlanningStore } from '../../state/planning';
import { usePresentationStore } from '../../state/presentation';
import { useFilterMask } from '../../state/figures';
import { summarize } from '../../core/coverage/coverage';
import { createHighlightLayer } from '../layers/plan-layers';
import { coverageRampColor, cssColor } from '../layers/palette';
import { basemapStyle } from '../style/basemap-style';
import { skipHiddenSky } from '../skip-sky';
import { mapBridge } from '../map-bridge';
import { changedPositions, resolveSide, sideLayers, useSideSources, type SplitSide } from './sides';
import { requestScenarioSides } from '../../state/split-sides';
import { sideTitle } from './titles';

export const SPLIT_CHANGED_LAYER = 'split-changed';

declare global {
  interface Window {
    /** Read by the browser tests: the right-hand map of the side-by-side view. */
    __lianjianSplit?: {
      frames: number; settled(): boolean; project(lon: number, lat: number): [number, number]; changed: number;
      /** What each side shows now: 'coverage', 'planning' (a scenario still being planned) or 'snapshot'. */
      sides: [string, string];
    };
  }
}

function percent(rate: number): string {
  return rate === rate ? `${(rate * 100).toFixed(2)}%` : '—';
}

/** The 组建率 ramp the snapshot sides fill their areas with (the legend's categories do not apply to them). */
const RAMP = [0, 0.25, 0.5, 0.75, 1].map((r) => cssColor(coverageRampColor(r, 255))).join(',');

const sideState = (side: SplitSide) => (side.kind === 'snapshot' ? 'snapshot' : side.colouring ? 'coverage' : 'planning');

export function SplitView() {
  const { t, i18n } = useTranslation();
  const split = usePresentationStore((s) => s.split);
  const setSplit = usePresentationStore((s) => s.setSplit);
  const presenting = usePresentationStore((s) => s.presenting);
  const view = useAppStore((s) => s.view);
  const layers = useAppStore((s) => s.layers);
  const basemap = useAppStore((s) => s.basemap);
  const planItems = usePlanningStore((s) => s.planItems);
  const sideSources = useSideSources();
  const mask = useFilterMask();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const [dragging, setDragging] = useState(false);
  const on = split.on && view !== null;
  const swipeRef = useRef(split);
  swipeRef.current = split;
  /**
   * The swipe: this map covers the main one right of the line, so its centre lies (line × width) / 2 to
   * the right of the main map's centre; shifting the camera by as many pixels keeps both maps drawing
   * each place at the same screen position (north up, no pitch, as the app's maps are).
   */
  const shifted = (c: Camera): Camera => {
    const s = swipeRef.current;
    const width = mapBridge.main()?.size()[0] ?? 0;
    if (s.mode !== 'swipe' || width === 0) return c;
    const dx = (s.swipe * width) / 2;
    return { ...c, center: [c.center[0] + (dx / (512 * 2 ** c.zoom)) * 360, c.center[1]] };
  };
  const datasetName = view?.datasetName ?? null;

  useEffect(() => {
    if (!on) return;
    const cls = [split.mode === 'side' ? 'split-side' : 'split-swipe', 'split-on', `split-compare-${split.compare ?? 'plan'}`];
    document.body.classList.add(...cls);
    return () => document.body.classList.remove(...cls);
  }, [on, split.mode, split.compare]);

  // The right-hand map: created with the view, kept in step with the main map.
  useEffect(() => {
    const current = useAppStore.getState().view;
    if (!on || !current || !container.current) return;
    const main = mapBridge.main();
    const start = main ? shifted(main.camera()) : undefined;
    const map = new maplibregl.Map({
      container: container.current,
      style: basemapStyle(current.areas, useAppStore.getState().basemap),
      ...(start ? { center: start.center, zoom: start.zoom, bearing: start.bearing, pitch: start.pitch } : { bounds: current.initialBounds ?? undefined }),
      attributionControl: false,
      interactive: true,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    skipHiddenSky(map);
    const overlay = new MapLibreOverlay({ interleaved: false, layers: [], useDevicePixels: true, onAfterRender: () => { if (window.__lianjianSplit) window.__lianjianSplit.frames++; } });
    map.addControl(overlay);
    mapRef.current = map;
    overlayRef.current = overlay;
    window.__lianjianSplit = {
      frames: 0, changed: 0, sides: ['coverage', 'coverage'],
      settled: () => map.loaded() && !map.isMoving() && map.areTilesLoaded(),
      project: (lon, lat) => { const p = map.project([lon, lat]); return [p.x, p.y]; },
    };
    let following = false;
    const offCamera = mapBridge.onCamera((c) => {
      following = true;
      map.jumpTo(shifted(c));
      following = false;
    });
    // Moving the right-hand map (side by side) moves the main one, which moves this one back in step.
    map.on('move', (e) => {
      if (following || !(e as { originalEvent?: unknown }).originalEvent) return;
      const c = map.getCenter();
      mapBridge.main()?.jumpTo({ center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() });
    });
    return () => {
      offCamera();
      overlayRef.current = null;
      mapRef.current = null;
      window.__lianjianSplit = undefined;
      map.remove();
    };
    // A new map for each mode: its container changes size and clipping, and a fresh map and overlay size themselves to it.
  }, [on, datasetName, basemap, split.mode]);

  // Scenario sides are planned in the worker, once per scenario and plan view.
  const scenarios = split.compare === 'scenarios' ? split.scenarios : undefined;
  useEffect(() => {
    if (on && view && scenarios) requestScenarioSides(view, scenarios.map((s) => s.rules));
  }, [on, view, scenarios, sideSources]);

  void sideSources;
  const left = view && on ? resolveSide(view, planItems, split, 'left') : null;
  const right = view && on ? resolveSide(view, planItems, split, 'right') : null;
  const changedOf = (a: SplitSide, b: SplitSide) =>
    view && a.kind === 'coverage' && b.kind === 'coverage' && a.colouring && b.colouring ? changedPositions(view, a.colouring, b.colouring, mask) : new Float32Array(0);

  useEffect(() => {
    if (!on || !view || !right || !left || !overlayRef.current) return;
    void split.mode;
    const changed = changedOf(left, right);
    if (window.__lianjianSplit) {
      window.__lianjianSplit.changed = changed.length / 2;
      window.__lianjianSplit.sides = [sideState(left), sideState(right)];
    }
    const input = { view, layers, selectedEnterprise: null, selectedRecommendation: null, mask, planItems, draft: null, presenting };
    overlayRef.current.setProps({ layers: [...sideLayers(input, right), createHighlightLayer(SPLIT_CHANGED_LAYER, changed, 9)] });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- left and right are derived from the listed values
  }, [on, view, layers, mask, planItems, presenting, split, sideSources]);

  // The line moved: the map's left edge moved with it, its camera follows.
  useEffect(() => {
    const map = mapRef.current, main = mapBridge.main();
    if (!map || !main || split.mode !== 'swipe') return;
    map.resize();
    map.jumpTo(shifted(main.camera()));
  }, [split.swipe, split.mode]);

  if (!on || !view || !left || !right) return null;
  const num = (n: number) => n.toLocaleString(i18n.language);
  const figures = (which: 'left' | 'right') => {
    const side = which === 'left' ? left : right;
    const title = <b data-testid={`split-title-${which}`}>{sideTitle(t, split, which)}</b>;
    let body: React.ReactNode;
    if (side.kind === 'snapshot') {
      const s = side.totals;
      body = s ? (
        <>
          <span>{t('meeting.rate')} <b data-testid={`split-rate-${which}`}>{percent(s.rate)}</b></span>
          <span>{t('summary.covered')} {num(s.covered)} / {num(s.enterprises)}</span>
          <span>{t('summary.mustCover')} {num(s.mustCoverCovered)} / {num(s.mustCover)}</span>
          {which === 'right' ? <span className="split-ramp" title={t('meeting.rate')}><i style={{ background: `linear-gradient(90deg,${RAMP})` }} /><small>0%</small><small>100%</small></span> : null}
        </>
      ) : <span data-testid={`split-rate-${which}`}>{t('meeting.split.noSnapshot')}</span>;
    } else if (!side.colouring) {
      body = <span data-testid={`split-planning-${which}`}>{t('meeting.split.planning')}</span>;
    } else {
      const s = summarize(side.colouring.flags, mask ?? undefined);
      body = (
        <>
          {split.compare === 'scenarios' ? <span data-testid={`split-if-formed-${which}`}>{t('meeting.split.ifFormed')}</span> : null}
          <span>{t('meeting.rate')} <b data-testid={`split-rate-${which}`}>{percent(s.coverage_rate)}</b></span>
          <span>{t('summary.covered')} {num(s.covered)}</span>
          <span>{t('summary.mustCover')} {num(s.must_cover_covered)} / {num(s.must_cover)}</span>
        </>
      );
    }
    return <div className={`split-label ${which}`} data-testid={`split-label-${which}`} data-side={sideState(side)}>{title}{body}</div>;
  };
  const coverageBoth = left.kind === 'coverage' && right.kind === 'coverage';
  const changedCount = changedOf(left, right).length / 2;
  const swipe = split.mode === 'swipe';
  // The line stands at a share of the main map's width (less than the screen's in the presenter view).
  const mainWidth = mapBridge.main()?.size()[0] ?? 0;
  const linePx = split.swipe * mainWidth;
  const onDrag = (e: React.PointerEvent<HTMLDivElement>) => {
    if (!dragging) return;
    const box = e.currentTarget.parentElement?.getBoundingClientRect();
    if (box && mainWidth > 0) setSplit({ swipe: Math.min(0.95, Math.max(0.05, (e.clientX - box.left) / mainWidth)) });
  };
  return (
    <>
      <div
        ref={container}
        className={swipe ? 'split-map swipe' : 'split-map side'}
        data-testid="split-map"
        style={swipe ? { left: linePx, pointerEvents: 'none' } : undefined}
      />
      {swipe ? (
        <div
          className="split-handle"
          data-testid="split-handle"
          style={{ left: linePx }}
          onPointerDown={(e) => { e.currentTarget.setPointerCapture(e.pointerId); setDragging(true); }}
          onPointerMove={onDrag}
          onPointerUp={() => setDragging(false)}
          role="separator"
          aria-orientation="vertical"
          aria-valuenow={Math.round(split.swipe * 100)}
        />
      ) : <div className="split-divider" />}
      {figures('left')}
      {figures('right')}
      {coverageBoth ? <div className="split-changed" data-testid="split-changed">{t(split.compare === 'scenarios' ? 'meeting.changedScenarios' : 'meeting.changed', { count: changedCount })}</div> : null}
      {left.kind === 'snapshot' ? <div className="split-changed" data-testid="split-snapshot-note">{t('meeting.split.snapshotNote')}</div> : null}
    </>
  );
}
