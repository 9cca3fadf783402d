/** Messages between the import dialog and the import worker. */
import type { Crs, Enterprise } from '../core/model/types';
import type { EnterpriseColumn } from '../core/io/columns';
import type { Problem } from '../core/io/problems';

export type ImportRequest =
  | { type: 'read'; name: string; bytes: ArrayBuffer; crs: Crs; mapping?: Record<string, EnterpriseColumn | null> }
  | { type: 'rows'; start: number; count: number };

/** What the dialog shows. The rows themselves stay in the worker and come over in chunks at commit time. */
export interface ImportPreview {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  headerRow: number;
  unmappedHeaders: string[];
  rowCount: number;
  problemCount: number;
  problemCounts: Record<string, number>;
  /** The first problems (all of them, up to PREVIEW_PROBLEMS). */
  problems: Problem[];
  parseMs: number;
}

export const PREVIEW_PROBLEMS = 5000;

export type ImportMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; preview: ImportPreview }
  | { type: 'rows'; start: number; rows: Enterprise[] }
  | { type: 'failed'; message: string };
