/** The `lianjian` command line: plan, validate, demo-data, bench. */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { planDataset } from '../core/plan';
import { withCampaignFigures } from '../core/campaign/report';
import { defaultRegistrationsSince, withNewRegistrations } from '../core/followup/registrations-report';
import { todayInChina } from '../core/followup/status-light';
import type { Problem } from '../core/io/problems';
import { checkReport } from '../core/recommend/invariants';
import { DatasetFolderError, readDatasetFolder } from './read-dataset';
import { writeDemoData } from './demo-data';

export const USAGE = `lianjian — 联建：非公企业党组织覆盖规划 / planning Party-organization coverage

Usage:
  lianjian plan <dataset-folder> [--json <file>] [--check] [--compare-greedy] [--since <date>] [--until <date>]
                                                   plan a dataset; write the report (lianjian.plan/1);
                                                   --check also verifies the report independently
                                                   (every invariant, every reason re-derived from the
                                                   data; exit 1 when one is broken);
                                                   --compare-greedy also runs the plain greedy pass
                                                   for the report's comparison (plan_effect.greedy_*);
                                                   new registrations: registered_on (成立日期) from
                                                   --since (default: the previous month's first day)
                                                   to --until (default: today), YYYY-MM-DD
  lianjian validate <dataset-folder> [--strict]   list row-level problems (exit 1 with --strict on errors)
  lianjian demo-data [<out-folder>] [--if-missing] write the synthetic Hangzhou and Linpu datasets
  lianjian store-image [<data-folder>] [--if-stale] make each dataset's ready embedded store (store.tar.gz)
  lianjian bench [--sizes 10000x5000,100000x50000] [--dense 100000,1000000] [--only standard|dense]
                                                   time every planning stage against naive Turf, and
                                                   lianjian plan end to end on dense cities
  lianjian --help                                  this text

A dataset folder holds enterprises.csv and optionally buildings.geojson, zones.geojson,
areas.geojson, organizations.csv and dataset.json (see README, "Dataset format").
Exit codes: 0 done, 1 problems with --strict / a failed --check, 2 unusable input or usage error.`;

type Out = (line: string) => void;

function printProblems(problems: Problem[], out: Out, limit = Number.POSITIVE_INFINITY): void {
  problems.slice(0, limit).forEach((p) => {
    out(`${p.severity === 'error' ? 'ERROR' : 'warn '} ${p.file}:${p.row} [${p.code}] ${p.column}${p.value ? `=${JSON.stringify(p.value)}` : ''} — ${p.message} / ${p.message_en}`);
  });
  if (problems.length > limit) out(`… ${problems.length - limit} more (lianjian validate lists them all)`);
}

function countBy(problems: Problem[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${code}: ${n}`).join(', ') || 'none';
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

function plan(args: string[], out: Out, err: Out): number {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { json: { type: 'string' }, check: { type: 'boolean' }, 'compare-greedy': { type: 'boolean' }, since: { type: 'string' }, until: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    err('usage: lianjian plan <dataset-folder> [--json <file>] [--check] [--compare-greedy] [--since <date>] [--until <date>]');
    return 2;
  }
  const isDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`));
  const until = values.until ?? todayInChina();
  // --until first: the default --since is counted back from it (a bad --until threw there).
  if (!isDay(until)) {
    err(`--until: not a date (YYYY-MM-DD): ${until}`);
    return 2;
  }
  const since = values.since ?? defaultRegistrationsSince(until);
  if (!isDay(since)) {
    err(`--since: not a date (YYYY-MM-DD): ${since}`);
    return 2;
  }
  const parsed = readDatasetFolder(positionals[0]);
  if (parsed.unusable) {
    printProblems(parsed.problems.filter((p) => p.severity === 'error'), err, 20);
    err('数据集无法使用 / the dataset cannot be planned');
    return 2;
  }
  const planned = planDataset(parsed.dataset, { compareWithGreedy: values['compare-greedy'] === true });
  // The campaign's additions: members elsewhere, mass organizations, key enterprises, the transfer what-if.
  // New registrations: the register's 成立日期 in the period (the CLI has no import history).
  const result = { ...planned, report: withNewRegistrations(withCampaignFigures(parsed.dataset, planned), parsed.dataset, planned, since, until) };
  const { summary, plan_effect: effect, recommendations, clusters } = result.report;
  // The independent verifier (a fifth of a dense plan's time) runs when asked; the tests run it on every plan they make.
  const violations = values.check === true ? checkReport(result.report, parsed.dataset, result.rules) : null;
  out(`${parsed.dataset.name}`);
  out(`  listed ${summary.listed}, in scope ${summary.enterprises}, covered ${summary.covered}, 组建率 coverage_rate ${summary.coverage_rate.toFixed(4)} (${pct(summary.coverage_rate)})`);
  out(`  own org ${summary.own_org} (${pct(summary.own_org_rate)}), work covered ${summary.work_covered}, must cover ${summary.must_cover} (covered ${summary.must_cover_covered}), six clears complete ${summary.six_clears_complete}`);
  const kinds = new Map<string, number>();
  for (const r of recommendations) kinds.set(`${r.kind}${r.level ? `/${r.level}` : ''}`, (kinds.get(`${r.kind}${r.level ? `/${r.level}` : ''}`) ?? 0) + 1);
  out(`  recommendations: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  const greedy = effect.greedy_must_cover_in_orgs === null ? '' : `; plain greedy: ${effect.greedy_must_cover_in_orgs} into ${effect.greedy_new_orgs}`;
  out(`  uncovered must-cover ${effect.uncovered_must_cover}: ${effect.must_cover_in_orgs} into ${effect.new_orgs} organizations, ${effect.must_cover_to_work_coverage} to work coverage${greedy}`);
  out(`  uncovered clusters ${clusters.length}; row problems: ${countBy(parsed.problems)}`);
  const w = summary.what_if_transfers;
  out(`  members elsewhere ${summary.members_elsewhere ?? 0} (transferred ${summary.members_transferred ?? 0}), mass organization without Party organization ${summary.mass_org_no_party ?? 0}, key enterprises ${summary.key_enterprises ?? 0}`);
  if (w) out(`  if the ${w.pending_members} members still elsewhere transferred: ${w.own_org} enterprises reach an own organization, ${w.joint_branches} more joint branches, covering ${w.must_cover} must-cover enterprises`);
  const reg = result.report.summary.new_registrations;
  if (reg) out(`  new registrations ${since} – ${until} (registered_on): ${reg.count}, must cover ${reg.must_cover}, covered ${reg.covered}`);
  if (values.json) {
    writeFileSync(values.json, `${JSON.stringify(result.report, null, 1)}\n`);
    out(`  report → ${values.json}`);
  }
  if (violations !== null) {
    if (violations.length > 0) {
      violations.slice(0, 20).forEach((v) => err(`invariant broken: ${v}`));
      return 1;
    }
    out('  check: every invariant holds, every reason agrees with the data');
  }
  return 0;
}

function validate(args: string[], out: Out): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { strict: { type: 'boolean' } } });
  if (positionals.length !== 1) {
    out('usage: lianjian validate <dataset-folder> [--strict]');
    return 2;
  }
  const parsed = readDatasetFolder(positionals[0]);
  printProblems(parsed.problems, out);
  const errors = parsed.problems.filter((p) => p.severity === 'error').length;
  out(`${parsed.dataset.enterprises.length} enterprise rows kept; ${errors} errors, ${parsed.problems.length - errors} warnings (${countBy(parsed.problems)})`);
  if (parsed.unusable) return 2;
  return values.strict && errors > 0 ? 1 : 0;
}

export async function main(argv: string[], out: Out = console.log, err: Out = console.error): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'plan':
        return plan(rest, out, err);
      case 'validate':
        return validate(rest, out);
      case 'store-image': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { 'if-stale': { type: 'boolean' } } });
        const { writeStoreImages } = await import('./store-image');
        await writeStoreImages(positionals[0] ?? 'public/data', { ifStale: values['if-stale'], log: out });
        return 0;
      }
      case 'demo-data': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { 'if-missing': { type: 'boolean' } } });
        const wrote = writeDemoData(positionals[0] ?? 'public/data', { ifMissing: values['if-missing'], log: out });
        if (!wrote) out('demo data is up to date');
        return 0;
      }
      case 'bench': {
        const { runBench } = await import('./bench/run-bench');
        return runBench(rest, out);
      }
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        err(`unknown command: ${command}\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof DatasetFolderError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      err((error as Error).message);
      return 2;
    }
    throw error;
  }
}
