/**
 * `lianjian bench`: times every planning stage on synthetic cities and, in the same run, the same
 * join and clustering done the naive way with @turf/turf (sampled and extrapolated where a full
 * naive run would take minutes), with result checks so that a fast wrong answer cannot pass.
 */
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { planDataset, type PlanStageTimes } from '../../core/plan';
import { enterprisesToCsv } from '../../core/io/dataset-writer';
import { parseEnterprisesCsv } from '../../core/io/enterprises-csv';
import { checkReport } from '../../core/recommend/invariants';
import { dbscan } from '../../core/clustering/dbscan';
import { isUncoveredMustCover } from '../../core/clustering/uncovered-clusters';
import { createRandom } from '../../core/util/random';
import { syntheticCity } from './synthetic-city';
import { denseCity, denseCitySideM, toGcj02 } from './dense-city';
import { datasetToFiles } from '../../core/io/dataset-writer';
import type { PlanReport } from '../../core/model/report';
import type { Area, Dataset } from '../../core/model/types';
import { jointCandidates } from '../../core/recommend/recommend';
import { greedyJointBranches } from '../../core/recommend/greedy';

type Out = (line: string) => void;
const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** "1,201–6,001": the fewest and most corners of the areas' outer rings. */
function cornerRange(areas: readonly Area[]): string {
  const corners = areas.map((a) => (a.geometry.type === 'Polygon' ? a.geometry.coordinates[0] : a.geometry.coordinates[0][0]).length);
  return `${Math.min(...corners).toLocaleString('en')}–${Math.max(...corners).toLocaleString('en')}`;
}

function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  if (items.length <= count) return [...items];
  const rng = createRandom(seed);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(rng.int(0, items.length - 1));
  return [...picked].sort((a, b) => a - b).map((i) => items[i]);
}

interface Scenario {
  enterprises: number;
  buildings: number;
}

function runScenario({ enterprises, buildings }: Scenario, out: Out): boolean {
  let ok = true;
  const check = (label: string, pass: boolean, detail: string) => {
    out(`    check ${pass ? 'ok  ' : 'FAIL'} ${label}: ${detail}`);
    ok &&= pass;
  };
  out(`\n## ${enterprises.toLocaleString('en')} enterprises, ${buildings.toLocaleString('en')} buildings, 300 zones`);
  const dataset = syntheticCity(enterprises, buildings);

  const csv = enterprisesToCsv(dataset.enterprises);
  const t0 = performance.now();
  const parsed = parseEnterprisesCsv(csv);
  const load = performance.now() - t0;
  check('CSV rows kept', parsed.enterprises.length === enterprises, `${parsed.enterprises.length} of ${enterprises}`);

  // A warm-up run, then the median of several (the first run pays for JIT compilation).
  const runs = enterprises >= 1_000_000 ? 3 : 5;
  const input = { ...dataset, enterprises: parsed.enterprises };
  planDataset(input, { compareWithGreedy: false });
  const all: PlanStageTimes[] = [];
  let result = planDataset(input, { compareWithGreedy: false });
  let heapBefore = 0;
  let heapAfter = 0;
  for (let r = 0; r < runs; r++) {
    global.gc?.();
    heapBefore = process.memoryUsage().heapUsed;
    result = planDataset(input, { compareWithGreedy: false });
    heapAfter = process.memoryUsage().heapUsed;
    all.push(result.times);
  }
  const median = (key: keyof PlanStageTimes) => all.map((x) => x[key]).sort((a, b) => a - b)[Math.floor(all.length / 2)];
  const t = Object.fromEntries((Object.keys(result.times) as (keyof PlanStageTimes)[]).map((k) => [k, median(k)])) as unknown as PlanStageTimes;
  out(`  stage          time (median of ${runs} runs after a warm-up)`);
  out(`  load (CSV)     ${ms(load)}  (${mb(csv.length)} of CSV, ${Math.round(enterprises / (load / 1000)).toLocaleString('en')} rows/s)`);
  out(`  table          ${ms(t.table)}`);
  out(`  index          ${ms(t.index)}  (${mb(result.indexBytes)} of polygon indexes)`);
  out(`  join           ${ms(t.join)}`);
  out(`  coverage       ${ms(t.coverage)}`);
  out(`  cluster        ${ms(t.cluster)}  (${result.report.clusters.length} clusters)`);
  out(`  recommend      ${ms(t.recommend)}  (${result.report.recommendations.length} items)`);
  out(`  whole plan     ${ms(t.total)}  (heap +${mb(Math.max(0, heapAfter - heapBefore))}, ${mb(heapAfter)} in use)`);
  const e = result.report.plan_effect;
  const tg = performance.now();
  const greedy = greedyJointBranches(result.table, jointCandidates(result.table, result.rules), result.rules);
  const greedyMs = performance.now() - tg;
  const standalone = result.report.recommendations.filter((r) => r.kind === 'standalone').length;
  const joint = e.uncovered_must_cover - standalone;
  out(`  uncovered must-cover ${e.uncovered_must_cover} (${joint} need a joint org): ours puts ${e.must_cover_in_orgs - standalone} of them in ${e.new_orgs - standalone} branches (${((100 * (e.must_cover_in_orgs - standalone)) / Math.max(1, joint)).toFixed(1)}%),`);
  out(`    plain greedy ${greedy.enterprisesInBranches} in ${greedy.branches} (${((100 * greedy.enterprisesInBranches) / Math.max(1, joint)).toFixed(1)}%, ${ms(greedyMs)})`);

  // Naive join: every sampled enterprise against every building with Turf.
  const mapped = parsed.enterprises.map((_, i) => i);
  const joinSample = sample(mapped, Math.max(20, Math.min(2000, Math.round(4e6 / buildings))), 11);
  const polygons = dataset.buildings.map((b) => turf.polygon(b.geometry.coordinates as number[][][]));
  const t1 = performance.now();
  let naivePairs = 0;
  let ourPairs = 0;
  for (const i of joinSample) {
    const e = parsed.enterprises[i];
    const pt = turf.point([e.lon as number, e.lat as number]);
    for (const poly of polygons) {
      if (turf.booleanPointInPolygon(pt, poly, { ignoreBoundary: true })) {
        naivePairs++;
        break;
      }
    }
    if (result.building[i] >= 0) ourPairs++;
  }
  const naiveJoin = ((performance.now() - t1) / joinSample.length) * enterprises;
  out(`  naive Turf join  ≈ ${ms(naiveJoin)} (sampled ${joinSample.length}, extrapolated) vs ours ${ms(t.join)}: ×${Math.round(naiveJoin / t.join).toLocaleString('en')}`);
  check('enterprise→building pairs on the sample', naivePairs === ourPairs, `Turf ${naivePairs}, ours ${ourPairs}`);

  // Naive clustering: Turf clustersDbscan on the same points, at two sizes to extrapolate.
  const points = mapped.filter((i) => isUncoveredMustCover(result.table.flags[i]) && result.building[i] < 0 && result.zone[i] < 0);
  const { clusterRadiusM: radius, clusterMinPoints: minPoints } = result.rules;
  const naiveAt = (size: number) => {
    const s = sample(points, size, 5);
    const fc = turf.featureCollection(s.map((i) => turf.point([result.table.lon[i], result.table.lat[i]])));
    const start = performance.now();
    const clustered = turf.clustersDbscan(fc, radius / 1000, { minPoints, units: 'kilometers' });
    const time = performance.now() - start;
    const ids = new Set<number>();
    let noise = 0;
    for (const f of clustered.features) {
      if (f.properties.dbscan === 'noise') noise++;
      else if (f.properties.cluster !== undefined) ids.add(f.properties.cluster);
    }
    const ours = dbscan(Float64Array.from(s, (i) => result.table.lon[i]), Float64Array.from(s, (i) => result.table.lat[i]), radius, minPoints);
    const ourNoise = Array.from(ours.labels).filter((l) => l < 0).length;
    return { size: s.length, time, clusters: ids.size, noise, ourClusters: ours.clusterCount, ourNoise };
  };
  const small = naiveAt(Math.min(points.length, 2000));
  const large = naiveAt(Math.min(points.length, 8000));
  const exponent = large.size > small.size ? Math.log(large.time / small.time) / Math.log(large.size / small.size) : 1;
  const naiveCluster = large.time * Math.pow(points.length / large.size, Math.max(1, exponent));
  out(`  naive Turf clustersDbscan ≈ ${ms(naiveCluster)} for ${points.length} points (measured ${ms(large.time)} at ${large.size}, exponent ${exponent.toFixed(2)}) vs ours ${ms(t.cluster)}: ×${Math.round(naiveCluster / Math.max(t.cluster, 0.01)).toLocaleString('en')}`);
  const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(2, 0.02 * Math.max(a, b));
  check('clusters vs Turf on the same points', close(large.clusters, large.ourClusters) && close(large.noise, large.ourNoise), `Turf ${large.clusters} clusters / ${large.noise} noise, ours ${large.ourClusters} / ${large.ourNoise}`);

  const formal = result.report.recommendations.filter((r) => r.kind === 'joint_branch').reduce((s, r) => s + r.formal_members, 0);
  const byId = new Map(parsed.enterprises.map((x) => [x.id, x]));
  const recount = result.report.recommendations.filter((r) => r.kind === 'joint_branch').reduce((s, r) => s + r.enterprise_ids.reduce((a, id) => a + (byId.get(id)?.partyMembers ?? 0), 0), 0);
  check('joint-branch formal member sums', formal === recount, `${formal} = ${recount}`);
  const violations = checkReport(result.report, { ...dataset, enterprises: parsed.enterprises }, result.rules);
  check('invariants', violations.length === 0, violations.length === 0 ? 'none broken' : violations.slice(0, 3).join('; '));
  return ok;
}

const CLI = resolve(fileURLToPath(import.meta.url), '../../lianjian.mjs');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** This process's CPU time (user + system) in ms: on a shared machine wall time counts other people's work, CPU time does not. */
const cpuMsOf = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

/**
 * `lianjian plan` as a user runs it: a fresh process, pinned to one core where taskset exists, timed
 * from spawn to exit (report written). Where /usr/bin/time exists, the child's CPU time comes too:
 * on a shared machine wall time counts other people's work, CPU time does not.
 */
function planEndToEnd(folder: string, out: string): { ms: number; cpuMs: number | null; status: number | null; stderr: string } {
  const has = (cmd: string, ...args: string[]) => spawnSync(cmd, args).status === 0;
  const command = [process.execPath, CLI, 'plan', folder, '--json', out];
  if (has('taskset', '-c', '0', 'true')) command.unshift('taskset', '-c', '0');
  const timed = has('/usr/bin/time', '-f', '%U', 'true');
  if (timed) command.unshift('/usr/bin/time', '-f', 'cpu %U %S');
  const start = performance.now();
  const r = spawnSync(command[0], command.slice(1), { encoding: 'utf8' });
  const wall = performance.now() - start;
  const cpu = timed ? /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr) : null;
  return { ms: wall, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null, status: r.status, stderr: r.stderr };
}

/**
 * A dense city (≈ 40 % must-cover, hundreds of enterprises within 1 km of each), written as a dataset
 * folder with GCJ-02 coordinates, planned end to end by the CLI, then parsed and planned in process.
 */
/**
 * Writes the dense city's folder and returns its places and its enterprises.csv text. The generated
 * enterprises are not kept: the parse is then timed on a heap like the command's, not one holding a
 * second register (at 1M the collector's marking of it was a third of the parse).
 */
function writeDenseCity(enterprises: number, folder: string, out: Out): { dataset: Dataset; csv: string } {
  const generated = denseCity(enterprises);
  const side = denseCitySideM(enterprises) / 1000;
  out(`\n## dense ${enterprises.toLocaleString('en')} enterprises (${side.toFixed(0)} km × ${side.toFixed(0)} km), ${generated.buildings.length.toLocaleString('en')} buildings, ${generated.zones.length} zones, ${generated.areas.length} districts and streets (boundaries of ${cornerRange(generated.areas)} corners), GCJ-02 input`);
  mkdirSync(folder, { recursive: true });
  const files = datasetToFiles({ ...generated, enterprises: toGcj02(generated.enterprises) }, { crs: 'gcj02' });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return { dataset: { ...generated, enterprises: [] }, csv: files['enterprises.csv'] };
}

function runDenseScenario(enterprises: number, out: Out): boolean {
  let ok = true;
  const check = (label: string, pass: boolean, detail: string) => {
    out(`    check ${pass ? 'ok  ' : 'FAIL'} ${label}: ${detail}`);
    ok &&= pass;
  };
  const folder = join(tmpdir(), `lianjian-bench-dense-${enterprises}`);
  const { dataset, csv } = writeDenseCity(enterprises, folder, out);
  const reportFile = join(folder, 'report.json');

  const runs = enterprises >= 1_000_000 ? 1 : 3;
  const e2e: number[] = [];
  const e2eCpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const run = planEndToEnd(folder, reportFile);
    check(`lianjian plan exit (run ${r + 1})`, run.status === 0, run.status === 0 ? 'report written' : `${run.status}: ${run.stderr.slice(0, 300)}`);
    e2e.push(run.ms);
    if (run.cpuMs !== null) e2eCpu.push(run.cpuMs);
  }
  const cliEffect = (JSON.parse(readFileSync(reportFile, 'utf8')) as PlanReport).plan_effect;
  const cpuNote = e2eCpu.length > 0 ? `, CPU ${ms(median(e2eCpu))}` : '';
  out(`  lianjian plan end to end   ${ms(median(e2e))}  (process start → report written, ${runs === 1 ? 'one run' : `median of ${runs}`}, pinned to one core${cpuNote})`);

  const parseTimes: number[] = [];
  const parseCpu: number[] = [];
  let parsed: ReturnType<typeof parseEnterprisesCsv> | null = parseEnterprisesCsv(csv, { crs: 'gcj02' });
  // Collected before each timed run, as in the standard scenarios: the earlier scenarios' garbage and
  // the previous run's rows are this process's, not the parser's.
  for (let r = 0; r < runs; r++) {
    parsed = null;
    global.gc?.();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    parsed = parseEnterprisesCsv(csv, { crs: 'gcj02' });
    parseCpu.push(cpuMsOf(c0));
    parseTimes.push(performance.now() - t0);
  }
  const parseMs = median(parseTimes);
  const parseCpuMs = median(parseCpu);
  out(`  CSV parse + GCJ-02 → WGS-84 ${ms(parseMs)}, CPU ${ms(parseCpuMs)}  (${mb(csv.length)}, ${Math.round(enterprises / (parseMs / 1000)).toLocaleString('en')} rows/s, ${Math.round(enterprises / (parseCpuMs / 1000)).toLocaleString('en')} rows per CPU second)`);
  if (parsed === null) throw new Error('the parse was not run');
  check('CSV rows kept', parsed.enterprises.length === enterprises, `${parsed.enterprises.length} of ${enterprises}`);

  const input = { ...dataset, enterprises: parsed.enterprises };
  const planTimes: PlanStageTimes[] = [];
  const planCpu: number[] = [];
  let result = planDataset(input, { compareWithGreedy: false });
  for (let r = 0; r < runs; r++) {
    global.gc?.();
    const c0 = process.cpuUsage();
    result = planDataset(input, { compareWithGreedy: false });
    planCpu.push(cpuMsOf(c0));
    planTimes.push(result.times);
  }
  const t = median(planTimes.map((x) => x.total));
  const rec = median(planTimes.map((x) => x.recommend));
  out(`  plan (in process)          ${ms(t)}, CPU ${ms(median(planCpu))}  (recommend ${ms(rec)}, ${result.report.recommendations.length.toLocaleString('en')} items)`);
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const checked = checkReport(result.report, input, result.rules);
  out(`  invariant check (lianjian plan --check, and every test plan) ${ms(performance.now() - t1)}, CPU ${ms(cpuMsOf(c1))}`);
  const tg = performance.now();
  const greedy = greedyJointBranches(result.table, jointCandidates(result.table, result.rules), result.rules);
  const greedyMs = performance.now() - tg;
  out(`  plain greedy comparison    ${ms(greedyMs)}  (opt-in: lianjian plan --compare-greedy)`);

  const e = result.report.plan_effect;
  const standalone = result.report.recommendations.filter((r) => r.kind === 'standalone').length;
  out(`  placement: uncovered must-cover ${e.uncovered_must_cover.toLocaleString('en')}, in organizations ${e.must_cover_in_orgs.toLocaleString('en')} (share ${(e.must_cover_in_orgs / Math.max(1, e.uncovered_must_cover)).toFixed(4)}), new organizations ${e.new_orgs.toLocaleString('en')} (${(e.new_orgs / Math.max(1, e.must_cover_in_orgs)).toFixed(4)} per enterprise placed)`);
  out(`    plain greedy: ${(greedy.enterprisesInBranches + standalone).toLocaleString('en')} in ${(greedy.branches + standalone).toLocaleString('en')} organizations (share ${((greedy.enterprisesInBranches + standalone) / Math.max(1, e.uncovered_must_cover)).toFixed(4)})`);
  check('CLI report = in-process plan', cliEffect.must_cover_in_orgs === e.must_cover_in_orgs && cliEffect.new_orgs === e.new_orgs, `${cliEffect.must_cover_in_orgs}/${cliEffect.new_orgs} vs ${e.must_cover_in_orgs}/${e.new_orgs}`);
  const violations = checked;
  check('invariants', violations.length === 0, violations.length === 0 ? 'none broken' : violations.slice(0, 3).join('; '));
  return ok;
}

export function runBench(args: string[], out: Out): number {
  const { values } = parseArgs({ args, options: { sizes: { type: 'string' }, dense: { type: 'string' }, only: { type: 'string' } } });
  if (values.only !== undefined && values.only !== 'standard' && values.only !== 'dense') throw Object.assign(new Error('--only takes standard or dense'), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
  const scenarios: Scenario[] = values.only === 'dense' ? [] : values.sizes
    ? values.sizes.split(',').map((s) => {
        const [e, b] = s.split('x').map(Number);
        return { enterprises: e, buildings: b || 50_000 };
      })
    : [
        { enterprises: 10_000, buildings: 5_000 },
        { enterprises: 100_000, buildings: 5_000 },
        { enterprises: 100_000, buildings: 50_000 },
        { enterprises: 1_000_000, buildings: 50_000 },
      ];
  const dense = values.only === 'standard' ? [] : (values.dense ?? '100000,1000000').split(',').map(Number).filter((n) => n > 0);
  out(`lianjian bench — Node ${process.version}, one thread`);
  let ok = true;
  for (const s of scenarios) ok = runScenario(s, out) && ok;
  for (const n of dense) ok = runDenseScenario(n, out) && ok;
  out(ok ? '\nall result checks passed' : '\nSOME RESULT CHECKS FAILED');
  return ok ? 0 : 1;
}
