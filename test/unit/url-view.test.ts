/** The URL keeps the view: camera, filter, selection survive a write → read round trip; other parameters are kept. */
import { describe, expect, it } from 'vitest';
import { parseUrlView, writeUrlView, type UrlView } from '../../src/app/url-view';
import { EMPTY_FILTER } from '../../src/state/filter';
import { searchAll } from '../../src/state/search';
import { readDemo } from '../support/demo';
import { planDataset } from '../../src/core/plan';
import type { PlanView } from '../../src/core/model/plan-view';

describe('URL view state', () => {
  const view: UrlView = {
    camera: { center: [120.251234, 30.061234], zoom: 14.25, bearing: 0, pitch: 0 },
    filter: { ...EMPTY_FILTER, text: '有限公司', areaId: '330109105', industries: ['制造业', '批发和零售业'], sizes: ['30to99'], categories: [3], mustCover: 'yes', operating: 'any' },
    followScreen: false,
    enterpriseId: 'LP0042',
    recommendationId: 'J-3',
    place: { kind: 'building', id: 'LB1' },
  };

  it('round trips and keeps dataset, lang and limit', () => {
    const search = writeUrlView('?dataset=linpu&lang=en&limit=500&at=1,2,3', view);
    const params = new URLSearchParams(search);
    expect(params.get('dataset')).toBe('linpu');
    expect(params.get('lang')).toBe('en');
    expect(params.get('limit')).toBe('500');
    expect(parseUrlView(search)).toEqual(view);
  });

  it('ignores what it cannot use', () => {
    const parsed = parseUrlView('?at=999,1,2&must=maybe&size=huge&cat=9,1&place=tower:1');
    expect(parsed.camera).toBeNull();
    expect(parsed.filter.mustCover).toBe('any');
    expect(parsed.filter.sizes).toEqual([]);
    expect(parsed.filter.categories).toEqual([1]);
    expect(parsed.place).toBeNull();
    expect(writeUrlView('?dataset=hangzhou', { ...view, camera: null, filter: EMPTY_FILTER, enterpriseId: null, recommendationId: null, place: null })).toBe('?dataset=hangzhou');
  });
});

describe('search results', () => {
  const { dataset } = readDemo('linpu');
  const plan = planDataset(dataset);
  const asView = {
    enterprises: dataset.enterprises, areaList: dataset.areas.map((a) => ({ id: a.id, name: a.name, level: a.level, parent: a.parent })),
    buildings: { type: 'FeatureCollection', features: dataset.buildings.map((b) => ({ type: 'Feature', properties: { id: b.id, name: b.name }, geometry: b.geometry })) },
    zones: { type: 'FeatureCollection', features: dataset.zones.map((z) => ({ type: 'Feature', properties: { id: z.id, name: z.name, kind: z.kind }, geometry: z.geometry })) },
    areas: { type: 'FeatureCollection', features: [] }, positions: new Float32Array(), report: plan.report,
  } as unknown as PlanView;

  it('finds enterprises by name, credit code and address, and places and areas by name', () => {
    const firm = dataset.enterprises.find((e) => e.creditCode)!;
    expect(searchAll(asView, firm.name).some((h) => h.kind === 'enterprise' && asView.enterprises[h.index].id === firm.id)).toBe(true);
    const byCode = searchAll(asView, firm.creditCode.toLowerCase());
    expect(byCode.find((h) => h.kind === 'enterprise')?.detail).toBe(firm.creditCode);
    expect(searchAll(asView, dataset.buildings[0].name)[0]).toMatchObject({ kind: 'building', name: dataset.buildings[0].name });
    const street = dataset.areas.find((a) => a.level === 'street')!;
    expect(searchAll(asView, street.name)[0]).toMatchObject({ kind: 'area', name: street.name });
    expect(searchAll(asView, '   ')).toEqual([]);
  });
});
