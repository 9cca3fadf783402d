/** Puts a whole dataset into an empty store: places first (so enterprises find their areas), then the register in chunks. */
import type { Dataset } from '../core/model/types';
import type { Repository, RowResult } from './repository';

export interface SeedProgress {
  step: 'areas' | 'buildings' | 'zones' | 'organizations' | 'enterprises';
  done: number;
  total: number;
}

const CHUNK = 5000;

export async function seedDataset(repo: Repository, dataset: Dataset, onProgress: (p: SeedProgress) => void = () => {}): Promise<RowResult[]> {
  const rejected: RowResult[] = [];
  const keep = (results: RowResult[]) => rejected.push(...results.filter((r) => r.action === 'rejected'));
  onProgress({ step: 'areas', done: 0, total: dataset.areas.length });
  keep(await repo.upsertPlaces('areas', dataset.areas));
  onProgress({ step: 'buildings', done: 0, total: dataset.buildings.length });
  keep(await repo.upsertPlaces('buildings', dataset.buildings));
  onProgress({ step: 'zones', done: 0, total: dataset.zones.length });
  keep(await repo.upsertPlaces('zones', dataset.zones));
  onProgress({ step: 'organizations', done: 0, total: dataset.organizations.length });
  keep(await repo.upsertOrganizations(dataset.organizations));
  for (let start = 0; start < dataset.enterprises.length; start += CHUNK) {
    onProgress({ step: 'enterprises', done: start, total: dataset.enterprises.length });
    keep(await repo.loadEnterprises(dataset.enterprises.slice(start, start + CHUNK)));
  }
  onProgress({ step: 'enterprises', done: dataset.enterprises.length, total: dataset.enterprises.length });
  // dataset.json's rule overrides become the store's rule profile (what every client then plans with).
  if (Object.keys(dataset.rules).length > 0) await repo.saveRuleProfile(dataset.rules);
  return rejected;
}
