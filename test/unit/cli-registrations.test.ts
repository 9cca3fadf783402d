/**
 * `lianjian plan` reports new registrations from what the register says (成立日期, registered_on, in
 * [--since, --until]): in the summary, per district and street, and per month and area, each with how
 * many must be covered and how many are covered; the report stays valid against its schema.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { demoFolder } from '../support/demo';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { planDataset } from '../../src/core/plan';
import { Flag } from '../../src/core/model/enterprise-table';
import schema from '../../src/core/model/plan-report.schema.json';

const validateReport = new Ajv({ allErrors: true }).compile(schema);
const bin = resolve(__dirname, '../../src/cli/lianjian.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

/** Every 7th row registered in November, every 11th in October, every 13th in December (after the period); the rest without a date. */
function dateOf(row: number): string {
  if (row % 7 === 0) return `2026-11-${String(1 + (row % 28)).padStart(2, '0')}`;
  if (row % 11 === 0) return '2026-10-20';
  if (row % 13 === 0) return '2026-12-01';
  return '';
}

describe('lianjian plan: new registrations from registered_on', () => {
  it('counts them per month and area with the must-cover and covered ones', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'lj-registrations-')), 'linpu');
    cpSync(join(demoFolder(), 'linpu'), folder, { recursive: true });
    const csv = readFileSync(join(folder, 'enterprises.csv'), 'utf8').replace(/\r\n/g, '\n').trimEnd().split('\n');
    writeFileSync(join(folder, 'enterprises.csv'), `${[`${csv[0]},registered_on`, ...csv.slice(1).map((line, k) => `${line},${dateOf(k + 1)}`)].join('\n')}\n`);

    // What the report must say, from the same files in process.
    const { dataset } = readDatasetFolder(folder);
    const planned = planDataset(dataset, { compareWithGreedy: false });
    const expected = { count: 0, must_cover: 0, covered: 0 };
    const months = new Map<string, number>();
    dataset.enterprises.forEach((e, i) => {
      const on = e.registeredOn ?? '';
      if (!on || on < '2026-10-01' || on > '2026-11-30' || !(planned.table.flags[i] & Flag.OPERATING)) return;
      expected.count++;
      if (planned.table.flags[i] & Flag.MUST_COVER) expected.must_cover++;
      if (planned.table.flags[i] & Flag.COVERED) expected.covered++;
      months.set(on.slice(0, 7), (months.get(on.slice(0, 7)) ?? 0) + 1);
    });
    expect(expected.count).toBeGreaterThan(50);
    expect(expected.must_cover).toBeGreaterThan(0);

    const out = join(folder, 'report.json');
    const r = run('plan', folder, '--json', out, '--since', '2026-10-01', '--until', '2026-11-30');
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.summary.new_registrations).toEqual(expected);
    expect(report.new_registrations.since).toBe('2026-10-01');
    expect(report.new_registrations.until).toBe('2026-11-30');
    // Linpu is one town: its row and its district's carry the whole count; the months split it.
    const town = report.areas.find((a: { level: string }) => a.level === 'street');
    const district = report.areas.find((a: { level: string }) => a.level === 'district');
    expect(town.new_registrations).toEqual(expected);
    expect(district.new_registrations).toEqual(expected);
    const rows = report.new_registrations.months as { month: string; area_id: string; area_name: string; count: number; must_cover: number; covered: number }[];
    expect(rows.map((m) => m.month)).toEqual(['2026-11', '2026-10']);
    expect(rows.map((m) => m.count)).toEqual([months.get('2026-11'), months.get('2026-10')]);
    expect(rows.every((m) => m.area_id === town.id && m.area_name === town.name)).toBe(true);
    expect(rows.reduce((n, m) => n + m.must_cover, 0)).toBe(expected.must_cover);
    expect(rows.reduce((n, m) => n + m.covered, 0)).toBe(expected.covered);
    expect(r.stdout).toContain(`new registrations 2026-10-01 – 2026-11-30 (registered_on): ${expected.count}, must cover ${expected.must_cover}, covered ${expected.covered}`);

    // Without the column: zero, not absent; a bad date is a usage error.
    const plain = run('plan', join(demoFolder(), 'linpu'), '--since', '2026-10-01', '--until', '2026-11-30');
    expect(plain.stdout).toContain('new registrations 2026-10-01 – 2026-11-30 (registered_on): 0, must cover 0, covered 0');
    expect(run('plan', folder, '--since', '2026-13-45').status).toBe(2);
  }, 120_000);
});
