/**
 * Imports through the repository. An enterprise register is committed all or nothing: every chunk is
 * checked first (nothing kept), and only when no row is refused is it written as one register import
 * run (源头登记), which records the new enterprises and those that left. Places (buildings, zones,
 * areas) are written feature by feature; the database refuses geometry that is still invalid.
 * What is written comes back through the change feed.
 */
import type { RegisterImportSummary, RowResult } from '../core/model/records';
import type { Area, Building, Enterprise, Zone } from '../core/model/types';
import { repository } from './services';

const COMMIT_CHUNK = 5000;

/** The rows of a read register, fetched in chunks (the import worker holds them). */
export interface RegisterSource {
  rows(start: number, count: number): Promise<Enterprise[]>;
}

export type RegisterImportResult = { rejected: RowResult[] } | { rejected: []; summary: RegisterImportSummary };

/** `onProgress` gets 0–100: the check is the first half, the write the second. Refused rows carry the file's row number. */
export async function importRegister(source: RegisterSource, total: number, fullRegister: boolean, onProgress: (percent: number) => void): Promise<RegisterImportResult> {
  const repo = repository();
  const chunks = Math.ceil(total / COMMIT_CHUNK);
  const bad: RowResult[] = [];
  for (let c = 0; c < chunks; c++) {
    const rows = await source.rows(c * COMMIT_CHUNK, COMMIT_CHUNK);
    const results = await repo.upsertEnterprises(rows, 'check');
    bad.push(...results.filter((r) => r.action === 'rejected').map((r) => ({ ...r, rowNo: rows[r.rowNo - 1].row })));
    onProgress(Math.round(((c + 1) / chunks) * 50));
  }
  if (bad.length > 0) return { rejected: bad };
  const run = await repo.startRegisterImport(fullRegister, total);
  for (let c = 0; c < chunks; c++) {
    await repo.importRegisterRows(run, await source.rows(c * COMMIT_CHUNK, COMMIT_CHUNK));
    onProgress(50 + Math.round(((c + 1) / chunks) * 50));
  }
  return { rejected: [], summary: await repo.finishRegisterImport(run) };
}

export type PlaceImport = { kind: 'buildings'; places: Building[] } | { kind: 'zones'; places: Zone[] } | { kind: 'areas'; places: Area[] };

/** Writes the places; one result per place, the refused ones with the database's reason. */
export function importPlaces(places: PlaceImport): Promise<RowResult[]> {
  const repo = repository();
  if (places.kind === 'buildings') return repo.upsertPlaces('buildings', places.places);
  if (places.kind === 'zones') return repo.upsertPlaces('zones', places.places);
  return repo.upsertPlaces('areas', places.places);
}
