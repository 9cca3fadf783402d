import { describe, expect, it } from 'vitest';
import { addDays, statusLight, todayInChina } from '../../src/core/followup/status-light';
import { monthStart, rollupByArea, rollupByOwner } from '../../src/core/followup/rollups';
import { countByMonthAndArea, newRegistrations } from '../../src/core/followup/new-registrations';
import { weeklyMeetingRows } from '../../src/core/followup/weekly-meeting';
import type { InspectionNote, PlanItem, RegisterChange } from '../../src/core/model/records';
import type { Enterprise } from '../../src/core/model/types';

const item = (id: string, over: Partial<PlanItem>): PlanItem => ({
  id, districtId: '330109', title: id, kind: 'joint_branch', level: 'branch', status: 'proposed', owner: '', instructor: '', dueDate: null,
  recommendationId: null, version: 1, enterpriseIds: [], geometry: null, updatedAt: '2011-11-01T02:00:00.000Z', ...over,
});

describe('statusLight', () => {
  it('is red past the due date, yellow within 7 days, green after, none when done, undated without a date', () => {
    expect(statusLight('2011-11-14', false, '2011-11-15')).toBe('overdue');
    expect(statusLight('2011-11-15', false, '2011-11-15')).toBe('due_soon');
    expect(statusLight('2011-11-22', false, '2011-11-15')).toBe('due_soon');
    expect(statusLight('2011-11-23', false, '2011-11-15')).toBe('on_track');
    expect(statusLight('2011-11-01', true, '2011-11-15')).toBeNull();
    expect(statusLight(null, false, '2011-11-15')).toBe('undated');
  });
  it('counts calendar days across months and years', () => {
    expect(addDays('2011-11-28', 7)).toBe('2011-12-05');
    expect(addDays('2011-12-30', 3)).toBe('2012-01-02');
    expect(statusLight('2012-01-02', false, '2011-12-30')).toBe('due_soon');
    expect(() => addDays('11/15', 1)).toThrow(/YYYY-MM-DD/);
  });
  it('takes today in China time', () => {
    expect(todayInChina(new Date('2011-11-14T17:00:00Z'))).toBe('2011-11-15');
    expect(todayInChina(new Date('2011-11-14T15:00:00Z'))).toBe('2011-11-14');
  });
});

describe('rollups', () => {
  const items = [
    item('a', { owner: '王芳', dueDate: '2011-11-10' }),
    item('b', { owner: '王芳', dueDate: '2011-11-20' }),
    item('c', { owner: '李明', dueDate: '2011-12-30' }),
    item('d', { owner: '李明', status: 'formed', updatedAt: '2011-11-12T03:00:00.000Z' }),
    item('e', { owner: '李明', status: 'formed', updatedAt: '2011-10-30T03:00:00.000Z' }),
    item('f', { owner: ' ' }),
  ];
  it('per owner: open, overdue, due soon, undated and done this period, most overdue first', () => {
    expect(rollupByOwner(items, '2011-11-15', monthStart('2011-11-15'))).toEqual([
      { key: '王芳', open: 2, overdue: 1, dueSoon: 1, undated: 0, doneThisPeriod: 0 },
      { key: '', open: 1, overdue: 0, dueSoon: 0, undated: 1, doneThisPeriod: 0 },
      { key: '李明', open: 1, overdue: 0, dueSoon: 0, undated: 0, doneThisPeriod: 1 },
    ]);
  });
  it('per area: an item counts once in each of its areas', () => {
    const areas: Record<string, string[]> = { a: ['s1', 's1', 's2'], b: ['s1'], c: [], d: ['s2'], e: ['s2'], f: ['s2'] };
    const rows = rollupByArea(items, (i) => areas[i.id], '2011-11-15', '2011-11-01');
    expect(rows.find((r) => r.key === 's1')).toEqual({ key: 's1', open: 2, overdue: 1, dueSoon: 1, undated: 0, doneThisPeriod: 0 });
    expect(rows.find((r) => r.key === 's2')).toEqual({ key: 's2', open: 2, overdue: 1, dueSoon: 0, undated: 1, doneThisPeriod: 1 });
    expect(rows.find((r) => r.key === '')).toEqual({ key: '', open: 1, overdue: 0, dueSoon: 0, undated: 0, doneThisPeriod: 0 });
  });
});

const enterprise = (id: string, over: Partial<Enterprise> & { registeredOn?: string | null } = {}): Enterprise => ({
  row: 1, id, name: id, creditCode: '', district: '330109', street: '330109001', address: '', lon: null, lat: null, employees: null,
  partyMembers: null, probationaryMembers: null, registeredCapital: null, industry: '', status: '', ownerIsMember: null, orgId: '',
  workCovered: false, extra: {}, ...over,
});
const change = (enterpriseId: string, seenOn: string, kind: RegisterChange['change'] = 'new'): RegisterChange => ({
  id: `${enterpriseId}-${seenOn}`, importId: '1', enterpriseId, districtId: '330109', streetId: '330109001', change: kind,
  reason: kind === 'new' ? 'registered' : 'missing', seenOn,
});

describe('newRegistrations', () => {
  it('dates by 成立日期 when known, else the first import that listed the enterprise', () => {
    const rows = newRegistrations(
      [enterprise('own', { registeredOn: '2011-10-20' }), enterprise('seen'), enterprise('old', { registeredOn: '2009-01-01' }), enterprise('never')],
      [change('seen', '2011-11-08'), change('seen', '2011-11-03'), change('own', '2011-11-08'), change('never', '2011-11-09', 'left')],
      '2011-10-01');
    expect(rows.map((r) => [r.enterpriseId, r.registeredOn, r.month, r.source])).toEqual([
      ['seen', '2011-11-03', '2011-11', 'import'],
      ['own', '2011-10-20', '2011-10', 'registered_on'],
    ]);
  });
  it('counts per month and area with must-cover and covered', () => {
    const rows = newRegistrations([enterprise('x'), enterprise('y'), enterprise('z', { street: '' })],
      [change('x', '2011-11-03'), change('y', '2011-11-04'), change('z', '2011-11-05')], '2011-11-01');
    expect(countByMonthAndArea(rows, (id) => id !== 'y', (id) => id === 'x')).toEqual([
      { month: '2011-11', areaId: '330109', count: 1, mustCover: 1, covered: 0 },
      { month: '2011-11', areaId: '330109001', count: 2, mustCover: 1, covered: 1 },
    ]);
  });
});

describe('weeklyMeetingRows', () => {
  it('lists per owner what is overdue, follow-ups due, and what changed this week', () => {
    const items = [
      item('late', { owner: '王芳', dueDate: '2011-11-10', updatedAt: '2011-11-14T01:00:00Z' }),
      item('moved', { owner: '王芳', status: 'forming', dueDate: '2011-12-01', updatedAt: '2011-11-12T01:00:00Z' }),
      item('quiet', { owner: '李明', dueDate: '2011-12-01', updatedAt: '2011-11-01T01:00:00Z' }),
    ];
    const note: InspectionNote = { id: 'n', districtId: '330109', areaId: '330109001', planItemId: null, inspectedOn: '2011-11-08', inspector: '督查组',
      finding: '台账不全', followUpDue: '2011-11-14', resolved: false, version: 1, updatedAt: '' };
    const rows = weeklyMeetingRows(items, [note, { ...note, id: 'm', resolved: true }], '2011-11-15', (a) => (a === '330109001' ? '李明' : ''));
    expect(rows.map((r) => [r.owner, r.kind, r.title || r.note, r.light])).toEqual([
      ['李明', 'follow_up', '台账不全', 'overdue'],
      ['王芳', 'overdue', 'late', 'overdue'],
      ['王芳', 'changed', 'moved', 'on_track'],
    ]);
  });
});

import { parseAreas } from '../../src/core/io/geojson';
import { datasetToFiles } from '../../src/core/io/dataset-writer';
import { outlineColor } from '../../src/map/layers/plan-item-layers';
import { exportWeeklyMeetingXlsx } from '../../src/core/followup/weekly-meeting';
import { readXlsxRows } from '../../src/core/io/xlsx';

describe('areas.geojson leader (分片包干)', () => {
  it('reads `leader` and writes it back; blank stays absent', () => {
    const square = { type: 'Polygon', coordinates: [[[120, 30], [120.1, 30], [120.1, 30.1], [120, 30.1], [120, 30]]] };
    const text = JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { id: '330109', name: '萧山区', level: 'district', leader: ' 王书记 ' }, geometry: square },
      { type: 'Feature', properties: { id: '330109116', name: '临浦镇', level: 'street', parent: '330109', leader: '' }, geometry: square },
    ] });
    const { areas } = parseAreas(text);
    expect(areas.map((a) => a.leader)).toEqual(['王书记', undefined]);
    const files = datasetToFiles({ name: 'x', crs: 'wgs84', enterprises: [], buildings: [], zones: [], areas, organizations: [], rules: {} });
    expect(parseAreas(files['areas.geojson']).areas.map((a) => a.leader)).toEqual(['王书记', undefined]);
  });
});

describe('the plan item outline', () => {
  it('is drawn in the status light of its deadline, in the status colour when formed', () => {
    expect(outlineColor({ type: 'Feature', geometry: null as never, properties: { status: 'forming', light: 'overdue' } })).toEqual([207, 19, 34, 255]);
    expect(outlineColor({ type: 'Feature', geometry: null as never, properties: { status: 'proposed', light: 'due_soon' } })).toEqual([250, 173, 20, 255]);
    expect(outlineColor({ type: 'Feature', geometry: null as never, properties: { status: 'formed', light: null } })[3]).toBe(255);
  });
});

describe('the weekly meeting sheet as XLSX', () => {
  it('writes the rows in the given words, a formula-like title as text', async () => {
    const rows = weeklyMeetingRows([item('x', { title: '=HYPERLINK("x")', owner: '王芳', dueDate: '2011-11-01' })], [], '2011-11-15');
    const text = {
      sheet: '每周例会', owner: '责任人', noOwner: '（未定）', kind: '事项', kinds: { overdue: '逾期', follow_up: '督查整改到期', changed: '本周变化' },
      item: '拟建党组织', status: '状态', statuses: { proposed: '拟建', forming: '组建中', formed: '已组建' }, dueDate: '期限', light: '时限',
      lights: { overdue: '已逾期', due_soon: '7日内到期', on_track: '按期推进', undated: '未定时限' }, changedOn: '变更日期', note: '督查发现',
    };
    const read = await readXlsxRows(await exportWeeklyMeetingXlsx(rows, '2011-11-15', text));
    expect(read[0]).toEqual(['责任人', '事项', '拟建党组织', '状态', '期限', '时限', '变更日期', '督查发现']);
    expect(read[1].slice(0, 6)).toEqual(['王芳', '逾期', "'=HYPERLINK(\"x\")", '拟建', '2011-11-01', '已逾期']);
  });
});

import { bulletinRows } from '../../src/core/bulletin/bulletin';

describe('the bulletin carries the follow-up figures', () => {
  const base = { areaId: '330109116', enterprises: 10, covered: 5, ownOrg: 1, mustCover: 4, mustCoverCovered: 2, sixClearsComplete: 8, organizations: 2, planItemsFormed: 0 };
  const areas = [{ id: '330109116', name: '临浦镇', level: 'street' as const, parent: '330109' }];
  it('overdue items, the leader, new registrations and the campaign figures; null where an older snapshot did not record them', () => {
    const rows = bulletinRows([
      { ...base, takenOn: '2011-11-01' },
      { ...base, takenOn: '2011-11-16', overdue: 3, leader: '陈镇长', newRegistrations: 4, newRegistrationsCovered: 1, membersElsewhere: 12, membersTransferred: 5, massOrgNoParty: 2, keyEnterprises: 1 },
    ], areas, '2011-11-16', 'street');
    expect(rows[0]).toMatchObject({ overdue: 3, leader: '陈镇长', newRegistrations: 4, newRegistrationsCovered: 1, membersElsewhere: 12, membersTransferred: 5, massOrgNoParty: 2, keyEnterprises: 1 });
    const old = bulletinRows([{ ...base, takenOn: '2011-11-01' }], areas, '2011-11-01', 'street');
    expect(old[0]).toMatchObject({ overdue: null, leader: '', newRegistrations: null, newRegistrationsCovered: null, membersElsewhere: null, keyEnterprises: null });
  });
});

import { planDataset } from '../../src/core/plan';

describe('the planning report names each area\'s leader', () => {
  it('carries areas.geojson leader into report.areas, absent where none is named', () => {
    const square = { type: 'Polygon' as const, coordinates: [[[120, 30], [120.1, 30], [120.1, 30.1], [120, 30.1], [120, 30]]] };
    const plan = planDataset({
      name: 't', crs: 'wgs84', rules: {}, buildings: [], zones: [], organizations: [],
      areas: [
        { id: '330109', name: '萧山区', level: 'district', parent: null, geometry: square, leader: '许晓明' },
        { id: '330109116', name: '临浦镇', level: 'street', parent: '330109', geometry: square },
      ],
      enterprises: [enterprise('e1', { lon: 120.05, lat: 30.05, street: '330109116', status: '在营', employees: 40 })],
    });
    expect(plan.report.areas.map((a) => [a.id, a.leader])).toEqual([['330109', '许晓明'], ['330109116', undefined]]);
  });
});
