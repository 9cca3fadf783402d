/** Generates the demo datasets once per test file into a temporary folder and reads them back from disk. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoData } from '../../src/cli/demo-data';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import type { DatasetParseResult } from '../../src/core/io/dataset';

let folder: string | null = null;
const cache = new Map<string, DatasetParseResult>();

export function demoFolder(): string {
  if (!folder) {
    folder = mkdtempSync(join(tmpdir(), 'lianjian-demo-'));
    writeDemoData(folder);
  }
  return folder;
}

export function readDemo(key: 'hangzhou' | 'linpu'): DatasetParseResult {
  let parsed = cache.get(key);
  if (!parsed) cache.set(key, (parsed = readDatasetFolder(join(demoFolder(), key))));
  return parsed;
}
