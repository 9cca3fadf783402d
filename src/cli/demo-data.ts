/** `lianjian demo-data <out>`: writes the synthetic Hangzhou and Linpu datasets (deterministic). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetToFiles } from '../core/io/dataset-writer';
import { generateHangzhou } from './demo/hangzhou';
import { generateLinpu } from './demo/linpu';
import { HANGZHOU_CAMPAIGN, LINPU_CAMPAIGN, withDemoCampaign } from './demo/campaign';

/** Bump when the generator's output changes, so `--if-missing` regenerates stale copies. */
export const DEMO_DATA_VERSION = 5;

const NOTICE = '合成示例数据：企业、楼宇、商圈和区划形状均为程序生成，不代表真实单位或官方边界。Synthetic demo data: enterprises, buildings, zones and area shapes are generated, not real units or official boundaries.';

export function writeDemoData(outDir: string, options: { ifMissing?: boolean; log?: (line: string) => void } = {}): boolean {
  const log = options.log ?? (() => {});
  const stamp = join(outDir, 'index.json');
  if (options.ifMissing && existsSync(stamp)) {
    try {
      if (JSON.parse(readFileSync(stamp, 'utf8')).version === DEMO_DATA_VERSION) return false;
    } catch {
      // unreadable stamp: regenerate
    }
  }
  const datasets = [
    { key: 'hangzhou', make: () => withDemoCampaign(generateHangzhou(), HANGZHOU_CAMPAIGN) },
    { key: 'linpu', make: () => withDemoCampaign(generateLinpu(), LINPU_CAMPAIGN) },
  ];
  for (const { key, make } of datasets) {
    const started = performance.now();
    const dataset = make();
    const folder = join(outDir, key);
    mkdirSync(folder, { recursive: true });
    const files = datasetToFiles(dataset, { synthetic: true, notice: NOTICE, generator_version: DEMO_DATA_VERSION });
    for (const [name, content] of Object.entries(files)) {
      if (name === 'organizations.csv' && dataset.organizations.length === 0) continue;
      writeFileSync(join(folder, name), content);
    }
    log(`${key}: ${dataset.enterprises.length} enterprises, ${dataset.buildings.length} buildings, ${dataset.zones.length} zones, ${dataset.areas.length} areas (${Math.round(performance.now() - started)} ms) → ${folder}`);
  }
  writeFileSync(stamp, `${JSON.stringify({ version: DEMO_DATA_VERSION, datasets: datasets.map((d) => d.key), notice: NOTICE }, null, 2)}\n`);
  return true;
}
