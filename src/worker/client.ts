/** Runs a plan in the worker and resolves with its view. One worker per request keeps memory bounded. */
import type { PlanRequest, PlanResponse, PlanView } from './protocol';

export function planInWorker(request: Omit<PlanRequest, 'type'>): Promise<PlanView> {
  const worker = new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<PlanView>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<PlanResponse>) => {
      worker.terminate();
      if (event.data.type === 'planned') resolve(event.data.view);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker failed'));
    };
    worker.postMessage({ type: 'plan', ...request } satisfies PlanRequest);
  });
}
