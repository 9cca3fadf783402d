/** Finds imports and DOM uses that src/core must not have. Shared by the boundary test. */
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
