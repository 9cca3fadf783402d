/** Runs a plan in the worker and resolves with its view. One worker per request keeps memory bounded. */
import type { Recommendation } from '../core/model/report';
import { ENTERPRISE_CHUNK, type EnterpriseChunk, type PlanRequest, type PlanResponse } from './protocol';
import type { PlanView } from '../core/model/plan-view';

/** Lets the page handle input and paint between two chunks. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function planInWorker(request: Omit<PlanRequest, 'type'>): Promise<PlanView> {
  const worker = new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module' });
  const { enterprises } = request.dataset;
  const recommendations: Recommendation[] = [];
  const planned = new Promise<PlanView>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<PlanResponse>) => {
      const message = event.data;
      if (message.type === 'recommendations') {
        for (const r of message.rows) recommendations.push(r);
        return;
      }
      worker.terminate();
      if (message.type === 'failed') {
        reject(new Error(message.message));
        return;
      }
      // The worker plans the page's own rows (the first `limit` of them), so they are not sent back.
      const { view } = message;
      resolve({ ...view, enterprises: request.limit ? enterprises.slice(0, request.limit) : enterprises, report: { ...view.report, recommendations } });
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker failed'));
    };
  });
  for (let start = 0; start < enterprises.length; start += ENTERPRISE_CHUNK) {
    worker.postMessage({ type: 'enterprises', rows: enterprises.slice(start, start + ENTERPRISE_CHUNK) } satisfies EnterpriseChunk);
    await nextTask();
  }
  worker.postMessage({ type: 'plan', ...request, dataset: { ...request.dataset, enterprises: [] } } satisfies PlanRequest);
  return planned;
}
