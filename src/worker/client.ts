/** Runs a plan in the worker and resolves with its view. One worker per request keeps memory bounded. */
import type { Enterprise } from '../core/model/types';
import { ENTERPRISE_CHUNK, type EnterpriseChunk, type PlanRequest, type PlanResponse, type PlanView } from './protocol';

export function planInWorker(request: Omit<PlanRequest, 'type'>): Promise<PlanView> {
  const worker = new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<PlanView>((resolve, reject) => {
    const received: Enterprise[] = [];
    worker.onmessage = (event: MessageEvent<PlanResponse>) => {
      const message = event.data;
      if (message.type === 'enterprises') {
        for (const e of message.rows) received.push(e);
        return;
      }
      worker.terminate();
      if (message.type === 'planned') resolve({ ...message.view, enterprises: received });
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker failed'));
    };
    const { enterprises } = request.dataset;
    for (let start = 0; start < enterprises.length; start += ENTERPRISE_CHUNK) {
      worker.postMessage({ type: 'enterprises', rows: enterprises.slice(start, start + ENTERPRISE_CHUNK) } satisfies EnterpriseChunk);
    }
    worker.postMessage({ type: 'plan', ...request, dataset: { ...request.dataset, enterprises: [] } } satisfies PlanRequest);
  });
}
