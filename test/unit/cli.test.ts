import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { demoFolder } from '../support/demo';
import schema from '../../src/core/model/plan-report.schema.json';

const validateReport = new Ajv({ allErrors: true }).compile(schema);

const bin = resolve(__dirname, '../../src/cli/lianjian.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('lianjian CLI', () => {
  it('prints usage with --help', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/lianjian plan <dataset-folder>/);
  });

  it('exits 2 with a clear message for unusable input', () => {
    const missing = run('plan', '/nonexistent-folder');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/not a dataset folder/);
    const empty = mkdtempSync(join(tmpdir(), 'lj-empty-'));
    writeFileSync(join(empty, 'enterprises.csv'), 'foo,bar\n1,2\n');
    const noHeader = run('plan', empty);
    expect(noHeader.status).toBe(2);
    expect(noHeader.stderr).toMatch(/header/);
    expect(run('frobnicate').status).toBe(2);
  });

  it('plans the Linpu demo into a report file, verified with --check', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lj-plan-')), 'report.json');
    const r = run('plan', join(demoFolder(), 'linpu'), '--json', out, '--check');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/check: every invariant holds/);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.schema).toBe('lianjian.plan/1');
    expect(report.recommendations.filter((x: { kind: string }) => x.kind === 'standalone')).toHaveLength(48);
    // The campaign's additions (issue 16), valid against the report schema.
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.summary).toMatchObject({ members_elsewhere: 60, members_transferred: 12 });
    expect(report.summary.mass_org_no_party).toBeGreaterThan(20);
    const town = report.areas.find((a: { level: string }) => a.level === 'street');
    expect(town.members_elsewhere).toBe(60);
    expect(town.what_if_transfers).toEqual(report.summary.what_if_transfers);
    expect(report.summary.what_if_transfers.pending_members).toBe(48);
    expect(report.what_if_transfers_enterprise_ids.length).toBeGreaterThanOrEqual(report.summary.what_if_transfers.must_cover);
    expect(r.stdout).toMatch(/if the 48 members still elsewhere transferred: \d+ enterprises reach an own organization, \d+ more joint branches, covering \d+ must-cover enterprises/);
  });

  it('validates row by row, keeping bad rows and counting them', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lj-validate-'));
    copyFileSync(resolve(__dirname, '../fixtures/io/gbk-title-row.csv'), join(folder, 'enterprises.csv'));
    const r = run('validate', folder);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/enterprises\.csv:6 \[latlon_swapped\]/);
    expect(r.stdout).toMatch(/9 enterprise rows kept; 2 errors/);
    expect(run('validate', folder, '--strict').status).toBe(1);
  });

  it('plans a large register the same pinned to one core (where the launcher restarts itself single-threaded) and keeps its exit codes', () => {
    // A register past the restart's threshold (4 MB): the Linpu rows 35 times over, each copy with
    // its own ids and no credit codes (so no duplicates), in a copy of the Linpu folder.
    const dir = mkdtempSync(join(tmpdir(), 'lj-one-core-'));
    const linpu = join(demoFolder(), 'linpu');
    for (const f of ['dataset.json', 'areas.geojson', 'buildings.geojson', 'zones.geojson']) copyFileSync(join(linpu, f), join(dir, f));
    const [header, ...rows] = readFileSync(join(linpu, 'enterprises.csv'), 'utf8').trimEnd().split('\n');
    const copies = Array.from({ length: 35 }, (_, k) => rows.map((r) => r.replace(/^([^,]*),([^,]*),[^,]*,/, `$1-${k},$2,,`)).join('\n'));
    writeFileSync(join(dir, 'enterprises.csv'), `${header}\n${copies.join('\n')}\n`);
    // taskset is util-linux's, on every Debian machine this runs on.
    const pinned = (...args: string[]) => spawnSync('taskset', ['-c', '0', process.execPath, bin, ...args], { encoding: 'utf8' });
    const one = pinned('plan', dir, '--json', join(dir, 'one.json'), '--until', '2026-12-01');
    expect(one.status, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/listed 20545,/);
    const all = run('plan', dir, '--json', join(dir, 'all.json'), '--until', '2026-12-01');
    expect(all.status, all.stderr).toBe(0);
    const report = (f: string) => ({ ...JSON.parse(readFileSync(join(dir, f), 'utf8')), generated_at: '' });
    expect(report('one.json')).toEqual(report('all.json'));
    const badDate = pinned('plan', dir, '--until', 'tomorrow');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/not a date/);
  });
});
