#!/usr/bin/env node
// The `lianjian` command: runs the TypeScript CLI straight after `npm ci`.
//
// Starting through tsx's loader costs about half a second of compiling and resolving on every run,
// a quarter of a planning run on a 100k register. So the first run bundles the CLI's own sources
// (packages stay external) with esbuild, which tsx already brings, into node_modules/.cache, keyed
// by the size and time of every file under src/; later runs import that one file. Any change under
// src/ makes a new bundle. Without esbuild, or if bundling fails, it runs through tsx as before.
// The small pure-JS packages the planning path imports are bundled in as well (resolving and loading
// them from node_modules, papaparse through the CommonJS loader, was half the start-up: 0.2 → 0.1 s
// CPU); every other package stays external (PGlite finds its WebAssembly next to its own files).
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { spawnSync } from 'node:child_process';

// On one core (a pinned process, a one-CPU container) V8's background threads, the optimizing
// compiler above all, take turns with the main thread, which meanwhile runs slower code for longer,
// and compiling is a third of a cold dense plan (0.85–1 s of TurboFan at 100k, `--trace-opt`).
// `--single-threaded` compiles on the main thread instead, and a smaller inlining budget (300 bytes
// of bytecode instead of 920) compiles less: a dense 100k `lianjian plan` pinned to one core took
// ≈ 10 % and then 5 % less time (alternating runs, 4 Dec; callgrind: −9 % and −4 % instructions).
// Even so TurboFan took 0.57 s of a 1.9 s run (287 compilations, `--trace-opt`, 5 Dec): a function
// that runs only for a while is optimized, sometimes more than once, and the run is over before the
// faster code pays for its compiling. Four times V8's interrupt budget (270,336 instead of 67,584
// bytes of bytecode run before a function is considered) leaves such functions in the baseline
// compiler's code: 1.84 → 1.75 s (medians of 8 alternating runs, dense 100k with real boundaries and
// credit codes); on the dense 1M no change (11.4–13.0 s either way).
// Node takes these flags only at start, so a planning command on a large register starts once more
// with them (≈ 0.15 s, more than a small register gains); on two cores or more `--single-threaded`
// loses (2.4 → 3.0 s), so nothing changes there.
const ONE_CORE_FLAGS = ['--single-threaded', '--max-inlined-bytecode-size-cumulative=300', '--interrupt-budget=270336'];
const CPU_BOUND = new Set(['plan', 'validate']);
/** From this size of enterprises.csv (≈ 50k rows) the restart pays for itself. */
const RESTART_FROM_BYTES = 4 * 1024 * 1024;
/** Node's exit code for an option it does not know (a later V8 without one of the flags). */
const BAD_OPTION = 9;

function registerBytes(args) {
  for (const arg of args) {
    try {
      return statSync(join(arg, 'enterprises.csv')).size;
    } catch {
      // not the dataset folder (an option or its value)
    }
  }
  return 0;
}

if (CPU_BOUND.has(process.argv[2]) && availableParallelism() === 1 && !process.execArgv.includes(ONE_CORE_FLAGS[0])
  && process.env.LIANJIAN_SAME_PROCESS !== '1' && registerBytes(process.argv.slice(3)) >= RESTART_FROM_BYTES) {
  const child = spawnSync(process.execPath, [...process.execArgv, ...ONE_CORE_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  // Where the restart cannot run, the command runs here as it would have.
  if (!child.error && child.status !== BAD_OPTION) process.exit(child.status ?? 1);
}

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const entry = join(here, 'main.ts');
/** Packages bundled into the CLI (pure JavaScript, no files of their own to find at run time). */
const INLINE = new Set(['papaparse', 'kdbush', 'flatbush', 'polylabel', '@turf/helpers', 'sweepline-intersections']);

function sourceKey() {
  const hash = createHash('sha1');
  const walk = (dir) => {
    for (const name of readdirSync(dir, { withFileTypes: true }).map((d) => d.name).sort()) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else hash.update(`${path}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  walk(join(root, 'src'));
  return hash.digest('hex').slice(0, 16);
}

async function bundled() {
  if (process.env.LIANJIAN_NO_BUNDLE === '1') return null;
  try {
    const cache = join(root, 'node_modules', '.cache', 'lianjian');
    const dir = join(cache, `cli-${sourceKey()}`);
    const file = join(dir, 'main.js');
    if (!existsSync(file)) {
      const { build } = await import('esbuild');
      mkdirSync(cache, { recursive: true });
      const tmp = `${dir}.${process.pid}.tmp`;
      // Each module keeps its own import.meta.url (paths next to a source file stay right).
      const ownUrl = {
        name: 'own-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)),
            loader: 'ts',
          }));
        },
      };
      // Packages imported by our sources stay external unless listed in INLINE; what a listed package imports is bundled with it.
      const src = join(root, 'src');
      const inlineListed = {
        name: 'inline-listed-packages',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (!args.importer.startsWith(src)) return undefined;
            const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
            return INLINE.has(name) ? undefined : { path: args.path, external: true };
          });
        },
      };
      // Split: the bench and the store-image commands (and the packages they import) load only when run.
      // Bundled CommonJS calls require (papaparse asks for 'stream'): the banner gives the chunks one.
      await build({
        entryPoints: [entry], bundle: true, splitting: true, platform: 'node', format: 'esm', target: 'node20', outdir: tmp, outExtension: { '.js': '.js' }, logLevel: 'silent',
        plugins: [ownUrl, inlineListed],
        banner: { js: "import { createRequire as __lianjianRequire } from 'node:module'; const require = __lianjianRequire(import.meta.url);" },
      });
      writeFileSync(join(tmp, 'package.json'), '{"type":"module"}\n');
      for (const old of readdirSync(cache)) if (old.startsWith('cli-') && !old.endsWith('.tmp')) rmSync(join(cache, old), { recursive: true, force: true });
      renameSync(tmp, dir);
    }
    return await import(pathToFileURL(file).href);
  } catch (error) {
    if (process.env.LIANJIAN_DEBUG_BUNDLE === '1') console.error(error);
    return null;
  }
}

let cli = await bundled();
if (!cli) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('./main.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
