/// <reference lib="webworker" />
/**
 * Reads and validates an enterprise register off the main thread, reporting progress; cancel =
 * terminate. The rows stay here and are handed over in chunks, so the page never has to take a
 * 200k-row message in one go.
 */
import { readEnterpriseFile } from '../core/io/import-file';
import type { Enterprise } from '../core/model/types';
import { PREVIEW_PROBLEMS, type ImportMessage, type ImportRequest } from './import-protocol';

let rows: Enterprise[] = [];
const post = (message: ImportMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === 'rows') {
    post({ type: 'rows', start: request.start, rows: rows.slice(request.start, request.start + request.count) });
    return;
  }
  try {
    const started = performance.now();
    const result = await readEnterpriseFile(request.name, new Uint8Array(request.bytes), {
      crs: request.crs,
      mapping: request.mapping,
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    });
    rows = result.enterprises;
    const problemCounts: Record<string, number> = {};
    for (const p of result.problems) problemCounts[p.code] = (problemCounts[p.code] ?? 0) + 1;
    post({
      type: 'done',
      preview: {
        format: result.format, encoding: result.encoding, headerRow: result.headerRow, unmappedHeaders: result.unmappedHeaders,
        rowCount: rows.length, problemCount: result.problems.length, problemCounts, problems: result.problems.slice(0, PREVIEW_PROBLEMS),
        parseMs: performance.now() - started,
      },
    });
  } catch (error) {
    post({ type: 'failed', message: (error as Error).message });
  }
};
