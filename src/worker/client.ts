/**
 * The page's side of the planning worker: one worker for the page's life, which keeps the register.
 * `start` sends it once; `patch` sends what the change feed brought and resolves with the new view.
 * The page keeps its own copy of the rows, patched the same way, so rows never come back.
 */
import type { Recommendation } from '../core/model/report';
import type { Enterprise } from '../core/model/types';
import type { PlanView } from '../core/model/plan-view';
import { patchRows } from '../core/model/row-changes';
import type { Scenario, ScenarioComparison } from '../core/scenarios';
import { ENTERPRISE_CHUNK, type PlanMessage, type PlanResponse, type RegisterPatch, type StartRequest, type FollowUpReport } from './protocol';

/** Lets the page handle input and paint between two chunks. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface PlanSession {
  /** Plans a register; the worker keeps it. */
  start(request: Omit<StartRequest, 'type'>): Promise<PlanView>;
  /** Patches the kept register and plans again; resolves with the view that includes this patch. */
  patch(patch: RegisterPatch): Promise<PlanView>;
  /** The page's rows as of the last patch sent (what the next view will show). */
  readonly enterprises: readonly Enterprise[];
  /** Called with the parts of the report that follow the plan last shown (the greedy comparison, the transfer what-if); not for a plan already replaced. */
  onFollowUp(listener: (report: FollowUpReport) => void): void;
  /** Plans the kept register under each scenario's rules and compares them; the shown plan stays as it is. */
  compareScenarios(scenarios: Scenario[], options?: { sides?: boolean }): Promise<ScenarioComparison>;
  close(): void;
}

interface Waiting {
  seq: number;
  enterprises: Enterprise[];
  resolve: (view: PlanView) => void;
  reject: (error: Error) => void;
}

export function createPlanSession(): PlanSession {
  const worker = new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module' });
  let limit: number | undefined;
  let enterprises: Enterprise[] = [];
  let seq = 0;
  let waiting: Waiting[] = [];
  let recommendations: Recommendation[] = [];
  let comparisons = 0;
  const comparing = new Map<number, { resolve: (c: ScenarioComparison) => void; reject: (e: Error) => void }>();
  let lastPlanned = -1;
  let followUpListener: ((report: FollowUpReport) => void) | null = null;

  const shown = (rows: Enterprise[]) => (limit ? rows.slice(0, limit) : rows);

  worker.onmessage = (event: MessageEvent<PlanResponse>) => {
    const message = event.data;
    if (message.type === 'scenarios') {
      const asked = comparing.get(message.id);
      comparing.delete(message.id);
      if (message.comparison) asked?.resolve(message.comparison);
      else asked?.reject(new Error(message.message ?? 'comparison failed'));
      return;
    }
    if (message.type === 'recommendations') {
      for (const r of message.rows) recommendations.push(r);
      return;
    }
    if (message.type === 'follow-up') {
      if (message.seq === lastPlanned && waiting.length === 0) followUpListener?.(message.report);
      return;
    }
    const rows = recommendations;
    recommendations = [];
    // One plan answers every patch up to its seq (patches queued in the worker are planned together).
    const answered = waiting.filter((w) => w.seq <= message.seq);
    waiting = waiting.filter((w) => w.seq > message.seq);
    const own = answered.at(-1);
    if (message.type === 'planned') lastPlanned = message.seq;
    for (const w of answered) {
      if (message.type === 'failed') w.reject(new Error(message.message));
      else w.resolve({ ...message.view, enterprises: shown(own!.enterprises), report: { ...message.view.report, recommendations: rows } });
    }
  };
  worker.onerror = (event) => {
    const error = new Error(event.message || 'worker failed');
    for (const w of waiting) w.reject(error);
    waiting = [];
  };

  const wait = (entry: Omit<Waiting, 'resolve' | 'reject'>) =>
    new Promise<PlanView>((resolve, reject) => waiting.push({ ...entry, resolve, reject }));

  return {
    get enterprises() {
      return enterprises;
    },
    async start(request) {
      limit = request.limit;
      enterprises = request.dataset.enterprises;
      const planned = wait({ seq: 0, enterprises });
      for (let start = 0; start < enterprises.length; start += ENTERPRISE_CHUNK) {
        if (start > 0) await nextTask();
        worker.postMessage({ type: 'enterprises', rows: enterprises.slice(start, start + ENTERPRISE_CHUNK) } satisfies PlanMessage);
      }
      // 'start' follows the last chunk at once: the worker plans while the page goes on with its own work.
      worker.postMessage({ type: 'start', ...request, dataset: { ...request.dataset, enterprises: [] } } satisfies PlanMessage);
      return planned;
    },
    patch(patch) {
      enterprises = patchRows(enterprises, patch.enterprises);
      seq += 1;
      const planned = wait({ seq, enterprises });
      worker.postMessage({ type: 'patch', seq, patch } satisfies PlanMessage);
      return planned;
    },
    onFollowUp(listener) {
      followUpListener = listener;
    },
    compareScenarios(scenarios, options) {
      const id = ++comparisons;
      const answered = new Promise<ScenarioComparison>((resolve, reject) => comparing.set(id, { resolve, reject }));
      worker.postMessage({ type: 'scenarios', id, scenarios, ...(options?.sides ? { sides: true } : {}) } satisfies PlanMessage);
      return answered;
    },
    close: () => worker.terminate(),
  };
}
