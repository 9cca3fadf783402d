/** The sole owner of the maplibre Map and the deck.gl overlay. Everything else talks to it through the store. */
import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import { Protocol } from 'pmtiles';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store';
import { buildLayers } from './layers/build-layers';
import { AREA_SOURCE, basemapStyle } from './style/basemap-style';
import { LAYER_IDS } from './layers/ids';
import { COVERAGE_CATEGORY_KEYS } from '../core/coverage/category';
import type { Polygon } from 'geojson';
import { usePlanningStore } from '../state/planning';
import { usePresentationStore } from '../state/presentation';
import { afterPlan } from '../state/after-plan';
import { useFilterMask } from '../state/figures';
import { candidatesIn, enterprisesInOutline } from '../state/plan-actions';
import { createDrawControl, type DrawControl } from './draw-control';
import { renderMapImage } from './export-image';
import { useSearchStore } from '../state/search';
import { enterpriseIndexById } from '../state/selectors';
import { Flag } from '../core/model/enterprise-table';
import type { PlanView } from '../core/model/plan-view';
import { mapBridge } from './map-bridge';
import { skipHiddenSky } from './skip-sky';
import { resolveSide, sideLayers, useSideSources } from './split/sides';

const PRESENTING_STREET_PX = 20;
/**
 * The map starts with the enterprise dots alone and adds the other deck.gl layers (zones, buildings,
 * clusters, plan items, district names) once maplibre has settled, or after this long at most.
 * In software WebGL each kind of layer is a shader pipeline the GPU process compiles on its first
 * draw (≈ 0.7 s each here, one after another); four kinds at once held the first picture of a later
 * visit to 临浦 for 5 s, the dots alone for 3 s. A real GPU does all of it in milliseconds.
 */
const ALL_LAYERS_AFTER_MS = 4000;
const EDGE_PX = 40;

/**
 * fitBounds padding that keeps the target clear of what floats over the map (the legend at the lower
 * left, a detail panel at the right, the after-plan banner at the top): each side gets the overlap.
 */
export function clearOfOverlays(container: HTMLElement): { top: number; bottom: number; left: number; right: number } {
  const area = container.getBoundingClientRect();
  const pad = { top: EDGE_PX, bottom: EDGE_PX, left: EDGE_PX, right: EDGE_PX };
  for (const el of container.parentElement?.querySelectorAll<HTMLElement>('.legend, .detail-panel, .after-plan-badge') ?? []) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    // Push from the side the box sits against, whichever costs the map less room.
    const fromLeft = r.right - area.left, fromRight = area.right - r.left, fromTop = r.bottom - area.top, fromBottom = area.bottom - r.top;
    const horizontal = Math.min(fromLeft, fromRight), vertical = Math.min(fromTop, fromBottom);
    if (horizontal / area.width <= vertical / area.height) {
      if (fromLeft <= fromRight) pad.left = Math.max(pad.left, fromLeft + 16);
      else pad.right = Math.max(pad.right, fromRight + 16);
    } else if (fromTop <= fromBottom) pad.top = Math.max(pad.top, fromTop + 16);
    else pad.bottom = Math.max(pad.bottom, fromBottom + 16);
  }
  // Never more padding than leaves a third of the map.
  const maxH = area.width / 3, maxV = area.height / 3;
  if (pad.left + pad.right > area.width - maxH) { const k = (area.width - maxH) / (pad.left + pad.right); pad.left *= k; pad.right *= k; }
  if (pad.top + pad.bottom > area.height - maxV) { const k = (area.height - maxV) / (pad.top + pad.bottom); pad.top *= k; pad.bottom *= k; }
  return pad;
}

maplibregl.setWorkerUrl(workerUrl);
let pmtilesRegistered = false;

declare global {
  interface Window {
    /** Read by the browser tests: is the map drawn, and where is a point on screen. */
    __lianjian?: {
      ready: boolean; enterpriseCount: number; frames: number;
      /** maplibre frames drawn (the drawing tool's outline is drawn by maplibre, not deck.gl). */
      mapFrames: number;
      /** The map has stopped moving and has drawn what it loaded. */
      settled(): boolean;
      project(lon: number, lat: number): [number, number];
      /** Moves the camera at once (no animation) to a [west, south, east, north] box. */
      fitBounds(bbox: [number, number, number, number]): void;
      camera(): { center: [number, number]; zoom: number };
      /** Where the selected enterprise is, as [lon, lat], or null. */
      selectedPosition(): [number, number] | null;
    };
  }
}

/** With "only uncovered must-cover" on (the default), what a drawn outline or a clicked place adds. */
function onlyMustCover(view: PlanView, ids: string[]): string[] {
  if (!usePlanningStore.getState().mustCoverOnly) return ids;
  const index = enterpriseIndexById(view);
  return ids.filter((id) => (view.flags[index.get(id) ?? -1] ?? 0) & Flag.MUST_COVER);
}

export function MapCanvas() {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const view = useAppStore((s) => s.view);
  const layers = useAppStore((s) => s.layers);
  const basemap = useAppStore((s) => s.basemap);
  const selectedEnterprise = useAppStore((s) => s.selectedEnterprise);
  const selectedRecommendation = useAppStore((s) => s.selectedRecommendation);
  const viewRequest = useAppStore((s) => s.viewRequest);
  const planItems = usePlanningStore((s) => s.planItems);
  const draft = usePlanningStore((s) => s.draft);
  const tool = usePlanningStore((s) => s.tool);
  const followScreen = usePlanningStore((s) => s.followScreen);
  const mask = useFilterMask();
  const showAfterPlan = usePresentationStore((s) => s.afterPlan);
  const presenting = usePresentationStore((s) => s.presenting);
  const split = usePresentationStore((s) => s.split);
  const sideSources = useSideSources();
  const selectedPlace = useSearchStore((s) => s.place);
  const drawRef = useRef<DrawControl | null>(null);
  const attributionRef = useRef<maplibregl.AttributionControl | null>(null);
  const { t } = useTranslation();
  const tRef = useRef(t);
  tRef.current = t;
  /** Whether the map shows every layer yet (see ALL_LAYERS_AFTER_MS), and whether deck.gl was given them. */
  const [allLayers, setAllLayers] = useState(false);
  const allLayersSent = useRef(false);

  // Create the map once a plan is there; rebuild it only when the dataset or the basemap changes.
  const datasetName = view?.datasetName ?? null;
  useEffect(() => {
    const view = useAppStore.getState().view;
    if (!view || !container.current) return;
    if (basemap.kind === 'pmtiles' && !pmtilesRegistered) {
      maplibregl.addProtocol('pmtiles', new Protocol().tile);
      pmtilesRegistered = true;
    }
    const map = new maplibregl.Map({
      container: container.current,
      style: basemapStyle(view.areas, basemap),
      bounds: view.initialBounds ?? undefined,
      fitBoundsOptions: { padding: 20 },
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    skipHiddenSky(map);
    let mapSettled = false;
    let allLayersDrawn = false;
    /** Ready (for the browser tests and the benchmark): maplibre settled and every layer drawn, in either order. */
    const markReady = () => {
      if (!mapSettled || !allLayersDrawn || !window.__lianjian || window.__lianjian.ready) return;
      window.__lianjian.ready = true;
      performance.mark('lianjian:all-layers');
    };
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    const overlay = new MapLibreOverlay({
      interleaved: false,
      // luma.gl asks the GPU process for every WebGL extension up front (a round trip each, seconds in
      // software WebGL on a busy machine); asked lazily, only the ones deck.gl uses are asked for.
      deviceProps: { _initializeFeatures: false },
      layers: [],
      useDevicePixels: true,
      onClick: (info: PickingInfo) => handleClick(info),
      getTooltip: (info: PickingInfo) => tooltipFor(info),
      // Start-up marks (read by npm run bench:ux): the WebGL device ready, the first frame drawn.
      onLoad: () => performance.mark('lianjian:deck-load'),
      onAfterRender: () => {
        const state = window.__lianjian;
        if (!state) return;
        if (state.frames++ === 0) performance.mark('lianjian:first-frame');
        if (allLayersSent.current) allLayersDrawn = true;
        markReady();
      },
    });
    map.addControl(overlay);
    mapRef.current = map;
    overlayRef.current = overlay;
    window.__lianjian = {
      ready: false, enterpriseCount: view.enterprises.length, frames: 0, mapFrames: 0,
      settled: () => map.loaded() && !map.isMoving() && map.areTilesLoaded(),
      project: (lon, lat) => {
        const p = map.project([lon, lat]);
        return [p.x, p.y];
      },
      fitBounds: ([w, s, e, n]) => map.fitBounds([w, s, e, n], { padding: 60, duration: 0 }),
      camera: () => ({ center: [map.getCenter().lng, map.getCenter().lat], zoom: map.getZoom() }),
      selectedPosition: () => {
        const { view: current, selectedEnterprise: i } = useAppStore.getState();
        if (!current || i === null || current.positions[i * 2] !== current.positions[i * 2]) return null;
        return [current.positions[i * 2], current.positions[i * 2 + 1]];
      },
    };
    map.on('render', () => {
      if (window.__lianjian) window.__lianjian.mapFrames++;
    });
    // The meeting room's maps in step and the presenter's pointer (src/map/map-bridge.ts).
    const cameraOf = () => ({ center: [map.getCenter().lng, map.getCenter().lat] as [number, number], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() });
    mapBridge.register({ project: (lon, lat) => { const p = map.project([lon, lat]); return [p.x, p.y]; }, jumpTo: (c) => map.jumpTo(c), camera: cameraOf, size: () => [map.getContainer().clientWidth, map.getContainer().clientHeight],
      image: (width, decor) => renderMapImage(map, overlay, width, decor) });
    map.on('move', () => mapBridge.moved(cameraOf()));
    map.on('mousemove', (e) => mapBridge.pointer([e.lngLat.lng, e.lngLat.lat]));
    map.on('mouseout', () => mapBridge.pointer(null));
    allLayersSent.current = false;
    setAllLayers(false);
    const showAll = setTimeout(() => setAllLayers(true), ALL_LAYERS_AFTER_MS);
    map.once('idle', () => {
      mapSettled = true;
      setAllLayers(true);
      markReady();
    });
    map.on('load', () => {
      performance.mark('lianjian:map-load');
      // Presenting may have begun before the style loaded (an audience window opens straight into it).
      if (usePresentationStore.getState().presenting && map.getLayer('street-label')) map.setLayoutProperty('street-label', 'text-size', PRESENTING_STREET_PX);
      drawRef.current = createDrawControl(map, (polygon) => takeOutline(polygon));
      const current = usePlanningStore.getState().tool;
      if (current === 'polygon' || current === 'freehand') drawRef.current.setTool(current);
    });
    const keepCamera = () => {
      const c = map.getCenter();
      useAppStore.setState({ camera: { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() } });
    };
    map.once('load', keepCamera);
    map.on('moveend', () => {
      const c = map.getCenter();
      useAppStore.setState({ camera: { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() } });
      if (!usePlanningStore.getState().followScreen) return;
      const b = map.getBounds();
      usePlanningStore.getState().setFilter({ bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] });
    });
    return () => {
      clearTimeout(showAll);
      mapBridge.register(null);
      attributionRef.current = null;
      drawRef.current?.destroy();
      drawRef.current = null;
      overlayRef.current = null;
      mapRef.current = null;
      map.remove();
    };
  }, [datasetName, basemap]);

  // A re-plan (after an edit) brings new area figures: update the source, keep the camera. Only then:
  // maplibre re-tiles the whole source, which on a software-rendered page holds the next edit's click.
  const areas = view?.areas;
  useEffect(() => {
    const source = mapRef.current?.getSource(AREA_SOURCE) as maplibregl.GeoJSONSource | undefined;
    if (areas && source) source.setData(areas);
  }, [areas]);

  useEffect(() => {
    if (!view || !overlayRef.current) return;
    if (window.__lianjian) window.__lianjian.enterpriseCount = view.enterprises.length;
    // Side by side, this map is the left side (src/map/split).
    const input = { view, layers, selectedEnterprise, selectedRecommendation, mask, planItems, draft, categories: showAfterPlan ? afterPlan(view, planItems).categories : undefined, selectedPlace, presenting };
    const all = allLayers || split.on;
    overlayRef.current.setProps({ layers: split.on ? sideLayers(input, resolveSide(view, planItems, split, 'left')) : buildLayers({ ...input, dotsOnly: !all }) });
    allLayersSent.current = all;
  }, [view, datasetName, basemap, layers, selectedEnterprise, selectedRecommendation, mask, planItems, draft, showAfterPlan, selectedPlace, presenting, split, sideSources, allLayers]);

  // Street names legible on a projector while presenting (the district names are deck.gl's, sized in buildLayers).
  useEffect(() => {
    const map = mapRef.current;
    if (!map?.getLayer('street-label')) return;
    map.setLayoutProperty('street-label', 'text-size', presenting ? PRESENTING_STREET_PX : 12);
  }, [presenting, datasetName, basemap]);

  // The synthetic-data note in the attribution follows the UI language.
  useEffect(() => {
    const map = mapRef.current;
    const view = useAppStore.getState().view;
    if (!map || !view) return;
    if (attributionRef.current) map.removeControl(attributionRef.current);
    attributionRef.current = new maplibregl.AttributionControl({ compact: true, customAttribution: view.synthetic ? t('app.synthetic') : undefined });
    map.addControl(attributionRef.current, 'bottom-right');
  }, [t, datasetName, basemap]);

  useEffect(() => {
    drawRef.current?.setTool(tool === 'polygon' || tool === 'freehand' ? tool : null);
  }, [tool]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!followScreen) {
      usePlanningStore.getState().setFilter({ bbox: null });
      return;
    }
    const b = map.getBounds();
    usePlanningStore.getState().setFilter({ bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] });
  }, [followScreen]);

  const cameraRequest = useAppStore((s) => s.cameraRequest);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !cameraRequest) return;
    map.jumpTo({ center: cameraRequest.center, zoom: cameraRequest.zoom, bearing: cameraRequest.bearing, pitch: cameraRequest.pitch });
  }, [cameraRequest]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !viewRequest) return;
    const [w, s, e, n] = viewRequest.bbox;
    // What a recommendation or a search result zooms to must not end up under the legend or a detail panel.
    map.fitBounds([w, s, e, n], { padding: clearOfOverlays(map.getContainer()), maxZoom: 16, duration: 600 });
  }, [viewRequest]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !map.getLayer('district-fill')) return;
    for (const id of ['district-fill', 'street-line', 'district-line', 'street-label']) {
      map.setLayoutProperty(id, 'visibility', layers.areas ? 'visible' : 'none');
    }
  }, [layers.areas]);

  function handleClick(info: PickingInfo) {
    const state = useAppStore.getState();
    const planning = usePlanningStore.getState();
    const view = state.view;
    if (!view || !info.layer || info.index < 0) return;
    const id = info.layer.id;
    if (planning.draft && (planning.tool === 'polygon' || planning.tool === 'freehand')) return;
    if (planning.draft && planning.tool === 'pick') {
      if (id === LAYER_IDS.enterprises) planning.toggleMember(view.enterprises[info.index].id);
      else if (id === LAYER_IDS.buildings) planning.addMembers(onlyMustCover(view, candidatesIn(view, view.building, info.index)));
      else if (id === LAYER_IDS.zones) planning.addMembers(onlyMustCover(view, candidatesIn(view, view.zone, info.index)));
      return;
    }
    if (id === LAYER_IDS.enterprises) {
      useSearchStore.getState().selectPlace(null);
      state.selectEnterprise(info.index);
    } else if (id === LAYER_IDS.buildings || id === LAYER_IDS.zones) {
      state.selectEnterprise(null);
      useSearchStore.getState().selectPlace({ kind: id === LAYER_IDS.buildings ? 'building' : 'zone', index: info.index });
    }
  }

  function takeOutline(polygon: Polygon) {
    const view = useAppStore.getState().view;
    const planning = usePlanningStore.getState();
    if (!view || !planning.draft) return;
    const ids = onlyMustCover(view, enterprisesInOutline(view, polygon).ids);
    planning.editDraft({ geometry: polygon, enterpriseIds: [...new Set([...planning.draft.enterpriseIds, ...ids])] });
    planning.setTool('pick');
  }

  function tooltipFor(info: PickingInfo): { text: string } | null {
    const state = useAppStore.getState();
    const tr = tRef.current;
    if (!info.layer || info.index < 0 || !state.view) return null;
    if (info.layer.id === LAYER_IDS.enterprises) {
      const e = state.view.enterprises[info.index];
      const category = COVERAGE_CATEGORY_KEYS[state.view.categories[info.index]];
      return {
        text: tr('tooltip.enterprise', {
          name: e.name,
          status: tr(`coverage.${category}`),
          employees: e.employees ?? '—',
          members: (e.partyMembers ?? 0) + (e.probationaryMembers ?? 0),
        }),
      };
    }
    const props = (info.object as { properties?: Record<string, unknown> } | undefined)?.properties;
    if (info.layer.id === LAYER_IDS.zones && props) return { text: tr('names.aside', { text: props.name, note: tr(`zoneKind.${props.kind}`) }) };
    if (info.layer.id === LAYER_IDS.buildings && props) return { text: String(props.name) };
    if (info.layer.id === LAYER_IDS.planItems && props) return { text: tr('names.aside', { text: props.title, note: tr(`plan.status.${props.status}`) }) };
    if (info.layer.id === LAYER_IDS.clusters && props) return { text: Number(props.count) > 0 ? tr('tooltip.cluster', { count: Number(props.count) }) : tr('tooltip.clusterEmpty') };
    return null;
  }

  // Inline position: maplibre's own stylesheet would make the container relative (and 0 px high).
  return <div ref={container} className="map-canvas" style={{ position: 'absolute', inset: 0 }} data-testid="map" />;
}
