/**
 * A small Canvas 2D player for a deck (see deck-data.ts): it paints a slide's map (area outlines,
 * zones, buildings, enterprises coloured by coverage), its title, figures, legend and the snapshot
 * note, and presents with the app's keys. The whole player is the one function below and uses nothing
 * outside it, so that the exported HTML file can carry it as text (`deckPlayer.toString()`): no
 * library, no network, no server. The app uses the same function for the presenter's next-slide
 * preview.
 */
import type { DeckData } from './deck-data';

export interface DeckPlayer {
  /** Paints slide k's map into the rectangle (CSS pixels) of a 2D context. */
  drawMap(ctx: CanvasRenderingContext2D, deck: DeckData, k: number, side: number, x: number, y: number, w: number, h: number): void;
  /** Paints slide k on the whole canvas: title, figures, map(s), legend, snapshot note. */
  drawSlide(canvas: HTMLCanvasElement, deck: DeckData, k: number): void;
  /** Runs a full-window presentation in the document. */
  play(deck: DeckData, doc: Document): void;
}

export function deckPlayer(): DeckPlayer {
  const FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','Hiragino Sans GB',sans-serif";
  const decoded = new WeakMap<object, { xy: Float32Array; r: Uint8Array; cats: Uint8Array[][] }>();

  function bytes(b64: string): Uint8Array {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  function prepared(deck: DeckData) {
    let d = decoded.get(deck);
    if (!d) {
      const xyBytes = bytes(deck.points.xy);
      d = {
        xy: new Float32Array(xyBytes.buffer, 0, deck.points.count * 2),
        r: bytes(deck.points.r),
        cats: deck.slides.map((s) => s.sides.map((side) => bytes(side.cats))),
      };
      decoded.set(deck, d);
    }
    return d;
  }

  const mercX = (lon: number) => (lon + 180) / 360;
  const mercY = (lat: number) => {
    const s = Math.sin((lat * Math.PI) / 180);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  };

  function ringPath(ctx: CanvasRenderingContext2D, ring: number[], px: (lon: number) => number, py: (lat: number) => number) {
    let x = 0, y = 0;
    for (let i = 0; i < ring.length; i += 2) {
      x += ring[i];
      y += ring[i + 1];
      const sx = px(x / 1e5), sy = py(y / 1e5);
      if (i === 0) ctx.moveTo(sx, sy);
      else ctx.lineTo(sx, sy);
    }
    ctx.closePath();
  }

  // 组建率 0 → 1 as red → amber → green (the app's coverageRampColor), for the areas of a snapshot side.
  const ramp = (rate: number): string => {
    const r = Math.max(0, Math.min(1, rate));
    const c = r < 0.5 ? [215, 48 + (r / 0.5) * 132, 39] : [215 - ((r - 0.5) / 0.5) * 189, 180 - ((r - 0.5) / 0.5) * 28, 39 + ((r - 0.5) / 0.5) * 41];
    return `rgba(${Math.round(c[0])},${Math.round(c[1])},${Math.round(c[2])},0.85)`;
  };

  const ZONE_FILL: Record<string, string> = { business_district: 'rgba(255,193,7,0.25)', park: 'rgba(76,175,80,0.22)', market: 'rgba(233,30,99,0.22)', village: 'rgba(121,85,72,0.18)' };

  function drawMap(ctx: CanvasRenderingContext2D, deck: DeckData, k: number, side: number, x0: number, y0: number, w: number, h: number) {
    const slide = deck.slides[k];
    const d = prepared(deck);
    const cats = d.cats[k][side] ?? d.cats[k][0];
    // The same extent as the slide's map, whatever the size of this rectangle (maplibre's 512 px tiles).
    const zoom = slide.zoom + Math.log2(Math.min(w / slide.frame[0], h / slide.frame[1]));
    const world = 512 * Math.pow(2, zoom);
    const cx = mercX(slide.center[0]) * world, cy = mercY(slide.center[1]) * world;
    const px = (lon: number) => x0 + w / 2 + mercX(lon) * world - cx;
    const py = (lat: number) => y0 + h / 2 + mercY(lat) * world - cy;
    ctx.save();
    ctx.beginPath();
    ctx.rect(x0, y0, w, h);
    ctx.clip();
    ctx.fillStyle = '#eef2f3';
    ctx.fillRect(x0, y0, w, h);
    // A snapshot side shows its areas' 组建率 only: today's buildings, zones and plan items are not of its date.
    const snapshotSide = !!slide.sides[side]?.areaRates;
    if (slide.layers.areas) {
      ctx.fillStyle = '#fbf3e4';
      ctx.beginPath();
      for (const a of deck.areas) if (a.level === 'district') for (const ring of a.rings) ringPath(ctx, ring, px, py);
      ctx.fill('evenodd');
      const rates = slide.sides[side]?.areaRates;
      if (rates) {
        rates.forEach((rate, a) => {
          if (rate === null || !deck.areas[a]) return;
          ctx.fillStyle = ramp(rate);
          ctx.beginPath();
          for (const ring of deck.areas[a].rings) ringPath(ctx, ring, px, py);
          ctx.fill('evenodd');
        });
      }
      ctx.strokeStyle = 'rgba(120,120,120,0.6)';
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (const a of deck.areas) if (a.level === 'street') for (const ring of a.rings) ringPath(ctx, ring, px, py);
      ctx.stroke();
      ctx.strokeStyle = '#8c6d46';
      ctx.lineWidth = 2;
      ctx.beginPath();
      for (const a of deck.areas) if (a.level === 'district') for (const ring of a.rings) ringPath(ctx, ring, px, py);
      ctx.stroke();
    }
    if (slide.layers.zones && !snapshotSide) {
      for (const z of deck.zones) {
        ctx.fillStyle = ZONE_FILL[z.kind] ?? 'rgba(0,0,0,0.1)';
        ctx.beginPath();
        for (const ring of z.rings) ringPath(ctx, ring, px, py);
        ctx.fill();
      }
    }
    if (slide.layers.buildings && !snapshotSide) {
      ctx.fillStyle = 'rgba(84,110,122,0.55)';
      ctx.beginPath();
      for (const ring of deck.buildings) ringPath(ctx, ring, px, py);
      ctx.fill();
    }
    if (slide.layers.planItems && !snapshotSide) {
      ctx.lineWidth = 2.5;
      for (const item of deck.planItems || []) {
        const [r, g, b] = item.color;
        ctx.fillStyle = `rgba(${r},${g},${b},0.18)`;
        ctx.strokeStyle = `rgb(${r},${g},${b})`;
        ctx.beginPath();
        for (const ring of item.rings) ringPath(ctx, ring, px, py);
        ctx.fill();
        ctx.stroke();
      }
    }
    if (slide.layers.enterprises) {
      // One path per category: a few fills instead of one per enterprise. Largest categories last is
      // not needed: uncovered must-cover (3) is drawn last so that it stays visible.
      const order = [4, 2, 1, 0, 3];
      const ringed: number[] = [];
      const other = d.cats[k][side === 0 ? 1 : 0];
      for (const c of order) {
        ctx.beginPath();
        for (let i = 0; i < deck.points.count; i++) {
          if (cats[i] !== c) continue;
          const sx = px(d.xy[i * 2]), sy = py(d.xy[i * 2 + 1]);
          if (sx < x0 - 20 || sx > x0 + w + 20 || sy < y0 - 20 || sy > y0 + h + 20) continue;
          const r = Math.max(1.5, d.r[i] / 4);
          ctx.moveTo(sx + r, sy);
          ctx.arc(sx, sy, r, 0, Math.PI * 2);
          if (other && side === 1 && other[i] !== cats[i]) ringed.push(sx, sy);
        }
        const [rr, gg, bb] = deck.colors[c];
        ctx.fillStyle = `rgb(${rr},${gg},${bb})`;
        ctx.fill();
      }
      if (ringed.length) {
        ctx.strokeStyle = 'rgb(0,188,212)';
        ctx.lineWidth = 2.5;
        ctx.beginPath();
        for (let i = 0; i < ringed.length; i += 2) {
          ctx.moveTo(ringed[i] + 9, ringed[i + 1]);
          ctx.arc(ringed[i], ringed[i + 1], 9, 0, Math.PI * 2);
        }
        ctx.stroke();
      }
    }
    if (slide.layers.areas) {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.lineJoin = 'round';
      for (const l of deck.labels) {
        if (l.level === 'street' && zoom < 11) continue;
        const sx = px(l.at[0]), sy = py(l.at[1]);
        if (sx < x0 || sx > x0 + w || sy < y0 || sy > y0 + h) continue;
        ctx.font = `${l.level === 'district' ? 'bold 24' : '20'}px ${FONT}`;
        ctx.strokeStyle = 'rgba(255,255,255,0.9)';
        ctx.lineWidth = 4;
        ctx.strokeText(l.name, sx, sy);
        ctx.fillStyle = l.level === 'district' ? '#5a3a12' : '#333';
        ctx.fillText(l.name, sx, sy);
      }
    }
    ctx.restore();
  }

  function drawSlide(canvas: HTMLCanvasElement, deck: DeckData, k: number) {
    const dpr = Math.max(1, window.devicePixelRatio || 1);
    const W = canvas.clientWidth || canvas.width, H = canvas.clientHeight || canvas.height;
    if (canvas.width !== Math.round(W * dpr)) canvas.width = Math.round(W * dpr);
    if (canvas.height !== Math.round(H * dpr)) canvas.height = Math.round(H * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const slide = deck.slides[k];
    const t = deck.texts;
    const unit = Math.max(0.6, Math.min(W / 1920, H / 1080));
    const head = Math.round(150 * unit);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, W, H);
    const split = slide.sides.length === 2;
    const mapTop = head, mapH = H - head - Math.round(34 * unit);
    if (split) {
      drawMap(ctx, deck, k, 0, 0, mapTop, W / 2 - 1, mapH);
      drawMap(ctx, deck, k, 1, W / 2 + 1, mapTop, W / 2 - 1, mapH);
    } else drawMap(ctx, deck, k, 0, 0, mapTop, W, mapH);
    // Title, counter, figures.
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    ctx.fillStyle = '#8c1c13';
    ctx.font = `bold ${Math.round(40 * unit)}px ${FONT}`;
    ctx.fillText(slide.title, 24 * unit, 52 * unit);
    ctx.textAlign = 'right';
    ctx.fillStyle = '#555';
    ctx.font = `${Math.round(24 * unit)}px ${FONT}`;
    ctx.fillText(t.counter.replace('{{n}}', String(k + 1)).replace('{{total}}', String(deck.slides.length)), W - 24 * unit, 48 * unit);
    ctx.textAlign = 'left';
    const figureRow = (side: number, x: number, width: number) => {
      const s = slide.sides[side];
      let fx = x;
      if (split) {
        ctx.fillStyle = '#1f1f1f';
        ctx.font = `bold ${Math.round(26 * unit)}px ${FONT}`;
        ctx.fillText(s.label, fx, 120 * unit);
        fx += ctx.measureText(s.label).width + 24 * unit;
      }
      for (const f of s.figures) {
        ctx.fillStyle = '#666';
        ctx.font = `${Math.round(18 * unit)}px ${FONT}`;
        ctx.fillText(f.label, fx, 88 * unit);
        ctx.fillStyle = '#b2182b';
        ctx.font = `bold ${Math.round(36 * unit)}px ${FONT}`;
        ctx.fillText(f.value, fx, 128 * unit);
        const valueWidth = ctx.measureText(f.value).width;
        ctx.font = `${Math.round(18 * unit)}px ${FONT}`;
        fx += Math.max(valueWidth, ctx.measureText(f.label).width) + 36 * unit;
        if (fx > x + width) break;
      }
    };
    if (split) {
      figureRow(0, 24 * unit, W / 2 - 48 * unit);
      figureRow(1, W / 2 + 24 * unit, W / 2 - 48 * unit);
    } else figureRow(0, 24 * unit, W - 48 * unit);
    // Legend at the lower left of the map: the 组建率 ramp where the slide's areas are filled by it
    // (two snapshot dates, no enterprises), the coverage categories otherwise.
    const lx = 16 * unit, rowH = 30 * unit;
    if (slide.sides.some((s) => s?.areaRates)) {
      const barW = 240 * unit, barH = 18 * unit;
      const ly = mapTop + mapH - 110 * unit;
      ctx.fillStyle = 'rgba(255,255,255,0.92)';
      ctx.fillRect(lx, ly, barW + 24 * unit, 96 * unit);
      ctx.fillStyle = '#1f1f1f';
      ctx.font = `bold ${Math.round(20 * unit)}px ${FONT}`;
      ctx.fillText(t.rateTitle ?? t.legendTitle, lx + 12 * unit, ly + 28 * unit);
      for (let i = 0; i < 48; i++) {
        ctx.fillStyle = ramp(i / 47);
        ctx.fillRect(lx + 12 * unit + (i * barW) / 48, ly + 40 * unit, barW / 48 + 1, barH);
      }
      ctx.fillStyle = '#1f1f1f';
      ctx.font = `${Math.round(16 * unit)}px ${FONT}`;
      ['0%', '50%', '100%'].forEach((label, i) => {
        ctx.textAlign = i === 0 ? 'left' : i === 1 ? 'center' : 'right';
        ctx.fillText(label, lx + 12 * unit + (i * barW) / 2, ly + 80 * unit);
      });
      ctx.textAlign = 'left';
    } else {
      const legendRows = t.categories.length + (split ? 1 : 0);
      const ly = mapTop + mapH - legendRows * rowH - 56 * unit;
      ctx.fillStyle = 'rgba(255,255,255,0.92)';
      ctx.fillRect(lx, ly, 300 * unit, legendRows * rowH + 44 * unit);
      ctx.fillStyle = '#1f1f1f';
      ctx.font = `bold ${Math.round(20 * unit)}px ${FONT}`;
      ctx.fillText(t.legendTitle, lx + 12 * unit, ly + 28 * unit);
      ctx.font = `${Math.round(18 * unit)}px ${FONT}`;
      t.categories.forEach((label, c) => {
        const yy = ly + 40 * unit + c * rowH + rowH / 2;
        const [r, g, b] = deck.colors[c];
        ctx.fillStyle = `rgb(${r},${g},${b})`;
        ctx.beginPath();
        ctx.arc(lx + 22 * unit, yy, 8 * unit, 0, Math.PI * 2);
        ctx.fill();
        ctx.fillStyle = '#1f1f1f';
        ctx.fillText(label, lx + 40 * unit, yy + 6 * unit);
      });
      if (split) {
        const yy = ly + 40 * unit + t.categories.length * rowH + rowH / 2;
        ctx.strokeStyle = 'rgb(0,188,212)';
        ctx.lineWidth = 2.5;
        ctx.beginPath();
        ctx.arc(lx + 22 * unit, yy, 8 * unit, 0, Math.PI * 2);
        ctx.stroke();
        ctx.fillText(t.changed, lx + 40 * unit, yy + 6 * unit);
      }
    }
    if (slide.forecast) {
      ctx.font = `bold ${Math.round(22 * unit)}px ${FONT}`;
      const wf = ctx.measureText(slide.forecast).width + 32 * unit;
      ctx.fillStyle = 'rgba(255,152,0,0.95)';
      ctx.fillRect((W - wf) / 2, mapTop + 12 * unit, wf, 40 * unit);
      ctx.fillStyle = '#000';
      ctx.textAlign = 'center';
      ctx.fillText(slide.forecast, W / 2, mapTop + 40 * unit);
      ctx.textAlign = 'left';
    }
    // The snapshot note, always on screen.
    ctx.fillStyle = '#1f1f1f';
    ctx.fillRect(0, H - 34 * unit, W, 34 * unit);
    ctx.fillStyle = '#fff';
    ctx.font = `${Math.round(18 * unit)}px ${FONT}`;
    ctx.fillText(t.snapshot + (t.synthetic ? ` · ${t.synthetic}` : ''), 16 * unit, H - 10 * unit);
    ctx.textAlign = 'right';
    ctx.fillStyle = '#bbb';
    ctx.fillText(t.keys, W - 16 * unit, H - 10 * unit);
    ctx.textAlign = 'left';
  }

  function play(deck: DeckData, doc: Document) {
    const canvas = doc.createElement('canvas');
    canvas.id = 'deck-canvas';
    canvas.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;display:block';
    doc.body.appendChild(canvas);
    const note = doc.createElement('div');
    note.id = 'deck-note';
    note.style.cssText = 'position:fixed;right:16px;top:160px;max-width:34vw;background:rgba(255,255,255,0.95);border:1px solid #ccc;border-radius:6px;padding:10px 14px;font:20px/1.45 ' + FONT + ';display:none;white-space:pre-wrap';
    doc.body.appendChild(note);
    const win = doc.defaultView as Window;
    let k = 0;
    const fromHash = Number((win.location.hash.match(/^#(\d+)$/) || [])[1]);
    if (fromHash >= 1 && fromHash <= deck.slides.length) k = fromHash - 1;
    let showNote = false;
    const paint = () => {
      drawSlide(canvas, deck, k);
      doc.body.dataset.slide = String(k + 1);
      note.textContent = deck.slides[k].note;
      note.style.display = showNote && deck.slides[k].note ? 'block' : 'none';
      win.history.replaceState(null, '', '#' + (k + 1));
    };
    const go = (by: number) => {
      const next = Math.max(0, Math.min(deck.slides.length - 1, k + by));
      if (next !== k) { k = next; paint(); }
    };
    win.addEventListener('keydown', (e) => {
      if (['ArrowRight', 'ArrowDown', 'PageDown', ' '].indexOf(e.key) >= 0) { e.preventDefault(); go(1); }
      else if (['ArrowLeft', 'ArrowUp', 'PageUp'].indexOf(e.key) >= 0) { e.preventDefault(); go(-1); }
      else if (e.key === 'Home') { k = 0; paint(); }
      else if (e.key === 'End') { k = deck.slides.length - 1; paint(); }
      else if (e.key === 'n' || e.key === 'N') { showNote = !showNote; paint(); }
      else if (e.key === 'f' || e.key === 'F') { void doc.documentElement.requestFullscreen?.().catch(() => undefined); }
      else if (e.key === 'Escape' && doc.fullscreenElement) { void doc.exitFullscreen(); }
    });
    canvas.addEventListener('click', (e) => go(e.clientX < canvas.clientWidth / 3 ? -1 : 1));
    win.addEventListener('resize', paint);
    paint();
  }

  return { drawMap, drawSlide, play };
}
