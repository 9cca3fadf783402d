import type * as maplibregl from 'maplibre-gl';

/**
 * maplibre draws its sky on every frame, even where no horizon can be on screen: at its default
 * maximum pitch of 60° the view's upper edge stays below the horizon, so the sky is never seen here.
 * In software WebGL the sky's shader is the slowest of all to compile (≈ 0.5–1.6 s before the first
 * frame on these machines), so the map skips drawing it while the pitch keeps the horizon off screen.
 */
export function skipHiddenSky(map: maplibregl.Map): void {
  const painter = map.painter;
  const drawSky = painter.drawFunctions.sky;
  painter.drawFunctions = {
    ...painter.drawFunctions,
    sky: (...args: Parameters<typeof drawSky>) => {
      if (horizonOnScreen(map)) drawSky(...args);
    },
  };
}

/** Whether the view's upper edge reaches above the horizon (half the vertical field of view added to the pitch). */
function horizonOnScreen(map: maplibregl.Map): boolean {
  const halfFovDeg = map.getVerticalFieldOfView() / 2;
  return map.getPitch() + halfFovDeg >= 90;
}
