/** Reads a dataset folder from disk into the shared parser. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DATASET_FILES, parseDatasetFiles, type DatasetFiles, type DatasetParseResult } from '../core/io/dataset';

export class DatasetFolderError extends Error {}

export function readDatasetFolder(folder: string): DatasetParseResult {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new DatasetFolderError(`不是数据集文件夹 / not a dataset folder: ${folder}`);
  }
  const files: DatasetFiles = {};
  for (const name of DATASET_FILES) {
    const path = join(folder, name);
    if (existsSync(path)) files[name] = new Uint8Array(readFileSync(path));
  }
  if (files['enterprises.csv'] === undefined) {
    throw new DatasetFolderError(`缺少 enterprises.csv / enterprises.csv is missing in ${folder}`);
  }
  return parseDatasetFiles(files, basename(folder));
}
