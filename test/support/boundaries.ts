/** Finds imports and DOM uses that src/core must not have, and imports src/ui must not have. Shared by the boundary test. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const FORBIDDEN_PACKAGES = [/^react($|\/|-dom)/, /^maplibre-gl/, /^@deck\.gl\//, /^deck\.gl/, /^@supabase\//, /^@electric-sql\//, /^antd/, /^zustand/, /^node:/, /^fs$/, /^path$/];
const DOM_GLOBALS = /\b(document|window|localStorage|navigator|HTMLElement|requestAnimationFrame)\b\s*[.(]/;
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s*['"]([^'"]+)['"]/g;

export interface BoundaryViolation {
  file: string;
  what: string;
}

export function checkCoreSource(file: string, source: string, coreRoot: string): BoundaryViolation[] {
  const out: BoundaryViolation[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (FORBIDDEN_PACKAGES.some((re) => re.test(spec))) out.push({ file, what: `imports ${spec}` });
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      if (relative(coreRoot, target).startsWith('..')) out.push({ file, what: `imports ${spec} from outside src/core` });
    }
  }
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const dom = code.match(DOM_GLOBALS);
  if (dom) out.push({ file, what: `uses the DOM (${dom[1]})` });
  return out;
}

export function listTsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTsFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

export function checkCoreFolder(coreRoot: string): BoundaryViolation[] {
  return listTsFiles(coreRoot).flatMap((file) => checkCoreSource(file, readFileSync(file, 'utf8'), coreRoot));
}

const UI_FORBIDDEN_PACKAGES = [/^maplibre-gl/, /^@deck\.gl\//, /^deck\.gl/, /^pmtiles/, /^@supabase\//, /^@electric-sql\//];
/** Folders (under src/) and modules src/ui must not import: it reads state and calls state actions. */
const UI_FORBIDDEN_TARGETS = ['data', 'app', 'cli', 'state/services'];

/** src/ui imports no map or store library, nothing from src/data, src/app or src/cli, and not the state's services. */
export function checkUiSource(file: string, source: string, srcRoot: string): BoundaryViolation[] {
  const out: BoundaryViolation[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (UI_FORBIDDEN_PACKAGES.some((re) => re.test(spec))) out.push({ file, what: `imports ${spec}` });
    if (spec.startsWith('.')) {
      const target = relative(srcRoot, resolve(dirname(file), spec)).split(/[\\/]/).join('/');
      const hit = UI_FORBIDDEN_TARGETS.find((t) => target === t || target.startsWith(`${t}/`) || target.startsWith(`${t}.`));
      if (hit) out.push({ file, what: `imports ${spec} (src/${hit})` });
    }
  }
  return out;
}

export function checkUiFolder(srcRoot: string): BoundaryViolation[] {
  return listTsFiles(join(srcRoot, 'ui')).flatMap((file) => checkUiSource(file, readFileSync(file, 'utf8'), srcRoot));
}
