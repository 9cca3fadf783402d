/** Starts an import in its own worker; rows are fetched in chunks; `cancel()` stops it at once. */
import type { Crs, Enterprise } from '../core/model/types';
import type { EnterpriseColumn } from '../core/io/columns';
import type { ImportMessage, ImportPreview, ImportRequest } from './import-protocol';

export interface RunningImport {
  result: Promise<ImportPreview>;
  rows(start: number, count: number): Promise<Enterprise[]>;
  cancel(): void;
}

export function startImport(
  file: File,
  options: { crs: Crs; mapping?: Record<string, EnterpriseColumn | null> },
  onProgress: (done: number, total: number) => void,
): RunningImport {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  const waitingRows = new Map<number, (rows: Enterprise[]) => void>();
  let rejectResult: (e: Error) => void = () => {};
  const result = new Promise<ImportPreview>((resolve, reject) => {
    rejectResult = reject;
    worker.onmessage = (event: MessageEvent<ImportMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.done, message.total);
      else if (message.type === 'done') resolve(message.preview);
      else if (message.type === 'rows') waitingRows.get(message.start)?.(message.rows);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'import failed'));
  });
  const send = (request: ImportRequest) => worker.postMessage(request);
  // The bytes are moved, not copied, to the worker; a re-read (after a column mapping) reads the File again.
  void file.arrayBuffer().then(
    (bytes) => worker.postMessage({ type: 'read', name: file.name, bytes, ...options } satisfies ImportRequest, [bytes]),
    (e: Error) => rejectResult(e),
  );
  return {
    result,
    rows: (start, count) =>
      new Promise<Enterprise[]>((resolve) => {
        waitingRows.set(start, (rows) => {
          waitingRows.delete(start);
          resolve(rows);
        });
        send({ type: 'rows', start, count });
      }),
    cancel: () => {
      worker.terminate();
      rejectResult(new Error('cancelled'));
    },
  };
}
