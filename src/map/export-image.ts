/**
 * The current map view as a PNG at a chosen width (3840 px for projectors and print): the map and
 * deck.gl canvases are re-rendered at a higher pixel ratio and composed with a title, a legend, a
 * scale bar, a north arrow, the date and the data's attribution, drawn as canvas text (the page's
 * CJK fonts, so Chinese stays crisp).
 */
import type * as maplibregl from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';

import type { ImageDecor } from '../state/store';

const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

function niceLength(metres: number): number {
  const power = 10 ** Math.floor(Math.log10(metres));
  const scaled = metres / power;
  return (scaled >= 5 ? 5 : scaled >= 2 ? 2 : 1) * power;
}

async function nextDeckFrame(): Promise<void> {
  const start = window.__lianjian?.frames ?? 0;
  for (let i = 0; i < 300 && (window.__lianjian?.frames ?? 0) <= start; i++) await new Promise((r) => requestAnimationFrame(r));
}

function box(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, s: number) {
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeStyle = 'rgba(0,0,0,0.25)';
  ctx.lineWidth = s;
  ctx.fillRect(x, y, w, h);
  ctx.strokeRect(x, y, w, h);
}

function decorate(ctx: CanvasRenderingContext2D, map: maplibregl.Map, width: number, height: number, s: number, decor: ImageDecor) {
  const pad = 16 * s;
  // Title and subtitle (date, dataset) in the top-left corner.
  ctx.font = `700 ${26 * s}px ${FONT}`;
  const titleWidth = ctx.measureText(decor.title).width;
  ctx.font = `${15 * s}px ${FONT}`;
  const subWidth = ctx.measureText(decor.subtitle).width;
  box(ctx, pad, pad, Math.max(titleWidth, subWidth) + 2 * pad, 76 * s, s);
  ctx.fillStyle = '#8c1c13';
  ctx.font = `700 ${26 * s}px ${FONT}`;
  ctx.textBaseline = 'top';
  ctx.fillText(decor.title, 2 * pad, pad + 10 * s);
  ctx.fillStyle = '#333';
  ctx.font = `${15 * s}px ${FONT}`;
  ctx.fillText(decor.subtitle, 2 * pad, pad + 46 * s);

  // Legend in the bottom-left corner.
  const rowH = 22 * s;
  const legendH = (decor.legend.length + 1) * rowH + pad;
  ctx.font = `${14 * s}px ${FONT}`;
  const legendW = Math.max(...decor.legend.map((l) => ctx.measureText(l.label).width)) + 56 * s;
  const ly = height - legendH - pad;
  box(ctx, pad, ly, legendW, legendH, s);
  ctx.fillStyle = '#000';
  ctx.font = `700 ${15 * s}px ${FONT}`;
  ctx.fillText(decor.legendTitle, 2 * pad, ly + 8 * s);
  ctx.font = `${14 * s}px ${FONT}`;
  decor.legend.forEach((l, k) => {
    const y = ly + (k + 1) * rowH + 10 * s;
    ctx.fillStyle = l.color;
    ctx.beginPath();
    ctx.arc(2 * pad + 6 * s, y + 7 * s, 6 * s, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = '#222';
    ctx.fillText(l.label, 2 * pad + 20 * s, y);
  });

  // Scale bar, bottom right, above the attribution.
  const centre = map.getCenter();
  const metresPerCssPixel = (40075016.686 * Math.cos((centre.lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
  const metres = niceLength(metresPerCssPixel * 140);
  const barW = (metres / metresPerCssPixel) * s;
  const bx = width - pad - barW - 10 * s;
  const by = height - 70 * s;
  box(ctx, bx - 10 * s, by - 26 * s, barW + 20 * s, 40 * s, s);
  ctx.fillStyle = '#000';
  ctx.fillRect(bx, by, barW, 4 * s);
  ctx.fillRect(bx, by - 6 * s, 2 * s, 10 * s);
  ctx.fillRect(bx + barW - 2 * s, by - 6 * s, 2 * s, 10 * s);
  ctx.font = `${13 * s}px ${FONT}`;
  ctx.textBaseline = 'bottom';
  ctx.fillText(metres >= 1000 ? `${metres / 1000} km` : `${metres} m`, bx, by - 3 * s);

  // North arrow, top right, turned with the map's bearing.
  ctx.save();
  ctx.translate(width - pad - 30 * s, pad + 40 * s);
  ctx.rotate((-map.getBearing() * Math.PI) / 180);
  ctx.fillStyle = '#000';
  ctx.beginPath();
  ctx.moveTo(0, -26 * s);
  ctx.lineTo(12 * s, 14 * s);
  ctx.lineTo(0, 6 * s);
  ctx.lineTo(-12 * s, 14 * s);
  ctx.closePath();
  ctx.fill();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.font = `700 ${16 * s}px ${FONT}`;
  ctx.fillText(decor.north, 0, -28 * s);
  ctx.restore();

  // Attribution along the bottom edge.
  ctx.font = `${12 * s}px ${FONT}`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = 'rgba(0,0,0,0.75)';
  ctx.fillText(decor.attribution, width - pad, height - 6 * s);
  ctx.textAlign = 'left';
}

export async function renderMapImage(map: maplibregl.Map, overlay: MapLibreOverlay, targetWidth: number, decor: ImageDecor): Promise<Blob> {
  const canvas = map.getCanvas();
  const cssWidth = canvas.clientWidth;
  const cssHeight = canvas.clientHeight;
  const ratio = targetWidth / cssWidth;
  const previousRatio = map.getPixelRatio();
  try {
    map.setPixelRatio(ratio);
    overlay.setProps({ useDevicePixels: ratio });
    map.triggerRepaint();
    await new Promise<void>((resolve) => map.once('idle', () => resolve()));
    await nextDeckFrame();
    const out = document.createElement('canvas');
    out.width = targetWidth;
    out.height = Math.round(cssHeight * ratio);
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = '#f4f1ea';
    ctx.fillRect(0, 0, out.width, out.height);
    // The map first, then deck.gl's canvas on top (both keep their drawing buffers).
    for (const layer of map.getContainer().querySelectorAll('canvas')) ctx.drawImage(layer, 0, 0, out.width, out.height);
    decorate(ctx, map, out.width, out.height, ratio, decor);
    return await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    map.setPixelRatio(previousRatio);
    overlay.setProps({ useDevicePixels: true });
  }
}
