/**
 * The HTML presentation file (issue 17): on the 67k Hangzhou demo a deck of typical meeting slides
 * (the whole city, a district after the plan, two maps side by side, a filtered street) stays under
 * 15 MB and carries no enterprise names, codes, addresses or other columns; the embedded player is
 * self-contained (it runs from its own text) and paints exactly the enterprises a slide shows.
 */
import { describe, expect, it } from 'vitest';
import { readDemo } from '../support/demo';
import { planDataset } from '../../src/core/plan';
import { coverageCategory } from '../../src/core/coverage/category';
import { labelPoint } from '../../src/core/spatial/label-point';
import type { PlanView } from '../../src/core/model/plan-view';
import type { Slide } from '../../src/core/model/records';
import { EMPTY_FILTER } from '../../src/state/filter';
import { buildDeck, frameBox, type DeckData, type DeckInput } from '../../src/ui/presentation/deck-data';
import { deckHtml, scriptSafeJson } from '../../src/ui/presentation/html-export';
import { deckPlayer, type DeckPlayer } from '../../src/ui/presentation/deck-player';
import { COVERAGE_PALETTES } from '../../src/map/layers/palette';

function planView(key: 'hangzhou' | 'linpu'): PlanView {
  const { dataset } = readDemo(key);
  const result = planDataset(dataset, { compareWithGreedy: false });
  const n = dataset.enterprises.length;
  const positions = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) { positions[i * 2] = result.table.lon[i]; positions[i * 2 + 1] = result.table.lat[i]; }
  const fc = (features: GeoJSON.Feature[]): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features });
  return {
    datasetName: dataset.name, notice: null, synthetic: true, enterprises: dataset.enterprises, positions,
    categories: Uint8Array.from(result.table.flags, (f) => coverageCategory(f)), flags: result.table.flags,
    employees: Float32Array.from(result.table.employees), district: result.district, street: result.street,
    areaList: dataset.areas.map((a) => ({ id: a.id, name: a.name, level: a.level, parent: a.parent })),
    organizationNames: {}, rules: result.rules, industries: [], building: result.building, zone: result.zone,
    areas: fc(dataset.areas.map((a) => ({ type: 'Feature', properties: { id: a.id, name: a.name, level: a.level }, geometry: a.geometry }))),
    buildings: fc(dataset.buildings.map((b) => ({ type: 'Feature', properties: { id: b.id, name: b.name }, geometry: b.geometry }))),
    zones: fc(dataset.zones.map((z) => ({ type: 'Feature', properties: { id: z.id, name: z.name, kind: z.kind }, geometry: z.geometry }))),
    areaLabels: dataset.areas.map((a) => ({ name: a.name, level: a.level, position: labelPoint(a.geometry) })),
    initialBounds: null, report: result.report, problems: [], times: result.times,
  };
}

const slide = (k: number, title: string, view: Record<string, unknown>): Slide => ({ id: `s${k}`, districtId: null, deck: 'default', position: k, title, note: `备注 ${k}`, view, version: 1 });
const camera = (lon: number, lat: number, zoom: number) => ({ center: [lon, lat], zoom, bearing: 0, pitch: 0 });

function input(view: PlanView, slides: Slide[]): DeckInput {
  return {
    view, slides, planItems: [], colors: COVERAGE_PALETTES.standard, lang: 'zh-CN',
    texts: { title: '杭州市', snapshot: '数据快照：2026-12-02', legendTitle: '图例', categories: ['单独组建', '联合组建', '仅工作覆盖', '应建未建', '未覆盖'], changed: '两侧不同', keys: '← →', counter: '第 {{n}} / {{total}} 页', synthetic: '合成示例数据' },
    sideLabel: (k) => k, figureLabels: { rate: '组建率（现状）', sideRate: '组建率', rateAfter: '组建率（计划完成后）', enterprises: '在营企业', covered: '已覆盖', mustCover: '应建' },
    forecastText: '计划完成后', formatNumber: (x) => x.toLocaleString('zh-CN'),
  };
}

/** Every string in the deck that is not one of its base64 arrays. */
function strings(value: unknown, out: Set<string>, key = ''): Set<string> {
  if (typeof value === 'string') { if (key !== 'cats' && key !== 'xy' && key !== 'r') out.add(value); }
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out, key));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, out, k);
  return out;
}

/** A 2D context that counts what is drawn. */
function countingContext() {
  const calls: Record<string, number> = {};
  const ctx = new Proxy({}, {
    get: (_, name: string) => (name === 'measureText' ? () => ({ width: 10 }) : (...args: unknown[]) => { calls[name] = (calls[name] ?? 0) + 1; return args.length ? undefined : undefined; }),
    set: () => true,
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, calls };
}

describe('the HTML presentation file', () => {
  it('the 67k Hangzhou deck stays under 15 MB and carries only what its slides show', () => {
    const view = planView('hangzhou');
    expect(view.enterprises.length).toBeGreaterThan(60_000);
    const district = view.areaList.find((a) => a.level === 'district')!;
    const street = view.areaList.find((a) => a.level === 'street')!;
    const slides = [
      slide(0, '全市', { camera: camera(119.9, 29.9, 8.2), frame: [1920, 1080], afterPlan: false }),
      slide(1, '上城区 · 计划完成后', { camera: camera(120.17, 30.25, 12), afterPlan: true, filter: { ...EMPTY_FILTER, areaId: district.id } }),
      slide(2, '现状 | 建议全部组建后', { camera: camera(120.17, 30.27, 11), split: { on: true, mode: 'side', left: 'now', right: 'recommended', swipe: 0.5 }, frame: [960, 1000] }),
      slide(3, '一个街道的应建未建', { camera: camera(120.15, 30.28, 13), filter: { ...EMPTY_FILTER, areaId: street.id, mustCover: 'yes' } }),
    ];
    const deck = buildDeck(input(view, slides));
    const html = deckHtml(deck);
    const bytes = Buffer.byteLength(html, 'utf8');
    console.log(`Hangzhou deck: ${slides.length} slides, ${deck.points.count} enterprises, ${(bytes / 1e6).toFixed(2)} MB`);
    expect(bytes).toBeLessThanOrEqual(15e6);
    expect(deck.points.count).toBeGreaterThan(50_000);
    expect(deck.slides[2].sides).toHaveLength(2);
    // No enterprise field travels: the only strings are the texts, titles, notes, labels and side names.
    const seen = strings(deck, new Set());
    const names = new Set(view.enterprises.flatMap((e) => [e.name, e.creditCode, e.address, e.id].filter(Boolean)));
    expect([...seen].filter((s) => names.has(s))).toEqual([]);
    expect(Object.keys(deck.points).sort()).toEqual(['count', 'r', 'xy']);
  });

  it('the player runs from its own text and paints the enterprises of a slide, per side', () => {
    const view = planView('linpu');
    // The player draws what lies within 20 px of its rectangle.
    const box = frameBox([120.255, 30.05], 13, [1440 + 40, 900 + 40]);
    const inFrame = view.enterprises.filter((_, i) => {
      const lon = view.positions[i * 2], lat = view.positions[i * 2 + 1];
      return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3] && view.categories[i] !== 5;
    }).length;
    const deck: DeckData = buildDeck(input(view, [
      slide(0, '全镇', { camera: camera(120.255, 30.05, 13), frame: [1440, 900] }),
      slide(1, '两侧', { camera: camera(120.255, 30.05, 13), frame: [1440, 900], split: { on: true, mode: 'side', left: 'now', right: 'recommended', swipe: 0.5 } }),
    ]));
    // The function's own text, evaluated alone: nothing it needs comes from outside it.
    const player = new Function(`return (${deckPlayer.toString()})();`)() as DeckPlayer;
    const { ctx, calls } = countingContext();
    player.drawMap(ctx, deck, 0, 0, 0, 0, 1440, 900);
    expect(calls.arc).toBe(inFrame);
    const right = countingContext();
    player.drawMap(right.ctx, deck, 1, 1, 0, 0, 1440, 900);
    // The right side rings every enterprise the recommendations change.
    expect(right.calls.arc).toBeGreaterThan(inFrame);
  });

  it('the JSON cannot close its script element', () => {
    expect(scriptSafeJson({ title: '</script><script>alert(1)</script>' })).not.toContain('</script>');
    expect(JSON.parse(scriptSafeJson({ t: '</script>\u2028' }))).toEqual({ t: '</script>\u2028' });
  });
});

describe('side-by-side slides of two snapshot dates in the file', () => {
  it('fill the areas with each date\'s rate, draw no enterprise and carry the snapshot figures', async () => {
    const { useAppStore } = await import('../../src/state/store');
    const view = planView('linpu');
    const street = view.areaList.find((a) => a.level === 'street')!;
    const district = view.areaList.find((a) => a.level === 'district')!;
    const row = (takenOn: string, areaId: string, covered: number) => ({
      takenOn, areaId, districtId: district.id, enterprises: 500, covered, ownOrg: 0, workCovered: 0, mustCover: 200, mustCoverCovered: covered, sixClearsComplete: 0, organizations: 0, planItemsFormed: 0,
    });
    useAppStore.setState({ snapshots: [row('2026-11-01', district.id, 50), row('2026-11-01', street.id, 50), row('2026-11-16', district.id, 100), row('2026-11-16', street.id, 100)] });
    const slides = [slide(0, '两个快照日期', { camera: camera(120.26, 30.06, 12), split: { on: true, mode: 'side', left: 'now', right: 'plan', swipe: 0.5, compare: 'snapshots', dates: ['2026-11-01', '2026-11-16'] } })];
    const deck = buildDeck({ ...input(view, slides), splitLabel: (split, which) => `快照 ${split.dates![which === 'left' ? 0 : 1]}` });
    const [left, right] = deck.slides[0].sides;
    expect([left.label, right.label]).toEqual(['快照 2026-11-01', '快照 2026-11-16']);
    expect(deck.points.count).toBe(0);
    const k = deck.areas.findIndex((a) => a.level === 'street');
    expect(left.areaRates?.[k]).toBeCloseTo(0.1);
    expect(right.areaRates?.[k]).toBeCloseTo(0.2);
    expect(left.areaRates?.filter((r) => r !== null)).toHaveLength(1);
    expect(right.figures[0].value).toBe('20.00%');
    useAppStore.setState({ snapshots: [] });
  });
});
