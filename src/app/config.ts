/** What the page was asked to show: the dataset (?dataset=linpu) and an optional enterprise limit (?limit=500, for tests). */
export interface PageConfig {
  dataset: string;
  limit: number | undefined;
}

const DATASET_NAME = /^[a-z0-9_-]+$/i;

export function readPageConfig(search: string): PageConfig {
  const params = new URLSearchParams(search);
  const dataset = params.get('dataset') ?? 'hangzhou';
  const limit = Number(params.get('limit'));
  return { dataset: DATASET_NAME.test(dataset) ? dataset : 'hangzhou', limit: Number.isInteger(limit) && limit > 0 ? limit : undefined };
}

export function datasetUrl(dataset: string): string {
  return new URL(`${import.meta.env.BASE_URL}data/${dataset}/`, window.location.href).href;
}
