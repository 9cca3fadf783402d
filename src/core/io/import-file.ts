/** An enterprise register as people bring it: CSV in any of the usual encodings, or XLSX. */
import type { Crs } from '../model/types';
import { parseEnterpriseRows, parseEnterprisesCsv, type EnterpriseParseResult } from './enterprises-csv';
import type { EnterpriseColumn } from './columns';
import { decodeText } from './text';
import { readXlsxRows } from './xlsx';

export interface ImportOptions {
  crs?: Crs;
  mapping?: Record<string, EnterpriseColumn | null>;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportedFile extends EnterpriseParseResult {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gb18030' | null;
}

const isZip = (bytes: Uint8Array) => bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export async function readEnterpriseFile(name: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportedFile> {
  if (isZip(bytes) || /\.xlsx$/i.test(name)) {
    const rows = await readXlsxRows(bytes);
    return { ...parseEnterpriseRows(rows, { ...options, file: name }), format: 'xlsx', encoding: null };
  }
  const { text, encoding } = decodeText(bytes);
  return { ...parseEnterprisesCsv(text, { ...options, file: name }), format: 'csv', encoding };
}
