/**
 * What the main map tells the meeting-room views (the side-by-side map, the presenter's pointer), and
 * what they may ask of it, without anyone else holding the maplibre Map: MapCanvas registers itself
 * here while it is shown and reports every camera move and the pointer's position on the map; the
 * map image (MapImageDialog, the area report) is rendered through it too.
 */
import type { Camera, ImageDecor } from '../state/store';

export interface MainMap {
  /** [lon, lat] → pixels in the map's container. */
  project(lon: number, lat: number): [number, number];
  /** Moves the main map at once (another map in step was moved by the user). */
  jumpTo(camera: Camera): void;
  camera(): Camera;
  /** The map's size in CSS pixels (a slide keeps it, so that a player shows the same extent). */
  size(): [number, number];
  /** Renders the current view as a PNG of the given width, with its title, legend and north arrow. */
  image(width: number, decor: ImageDecor): Promise<Blob>;
}

type CameraListener = (camera: Camera) => void;
type PointerListener = (lonLat: [number, number] | null) => void;

let main: MainMap | null = null;
const cameraListeners = new Set<CameraListener>();
const pointerListeners = new Set<PointerListener>();

export const mapBridge = {
  register(map: MainMap | null): void {
    main = map;
  },
  main(): MainMap | null {
    return main;
  },
  /** Called by MapCanvas on every 'move' (not only at its end), so that a map in step follows smoothly. */
  moved(camera: Camera): void {
    for (const l of cameraListeners) l(camera);
  },
  pointer(lonLat: [number, number] | null): void {
    for (const l of pointerListeners) l(lonLat);
  },
  onCamera(listener: CameraListener): () => void {
    cameraListeners.add(listener);
    return () => cameraListeners.delete(listener);
  },
  onPointer(listener: PointerListener): () => void {
    pointerListeners.add(listener);
    return () => pointerListeners.delete(listener);
  },
};
