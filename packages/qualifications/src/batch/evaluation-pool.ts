// Worker threads that evaluate a batch of profiles over every core, in one process. The batch is cut into
// chunks handed to whichever worker is free, and only the decisions (outcome and score per rule) come back:
// criteria and messages stay in the workers, since cloning them back would cost more than deciding them.
// Custom packs cannot cross threads (they are functions), so a pool runs the default packs.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Profile, RuleId } from '../types.ts';
import { copyDecisions, emptyDecisions, type BatchDecisions } from './batch-decisions.ts';
import type { ChunkReply, ChunkRequest } from './batch-worker.ts';

export interface BatchOptions {
  rules?: readonly RuleId[];
  asOf?: string;
}

const CHUNK = 2_000;
const WORKER_URL = new URL('./batch-worker.ts', import.meta.url);

/** Starts the worker module, through tsx when running from TypeScript sources (workers do not inherit loaders). */
function startWorker(): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL);
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(boot, { eval: true });
}

export class EvaluationPool {
  readonly threads: number;
  readonly #workers: Worker[];
  #batches = 0;

  constructor(threads = availableParallelism()) {
    this.threads = Math.max(1, threads);
    this.#workers = Array.from({ length: this.threads }, startWorker);
  }

  /** Decides every profile against the rules in force (or `rules`), on `asOf` or each profile's own date. */
  decide(profiles: readonly Profile[], opts: BatchOptions = {}): Promise<BatchDecisions> {
    const all = emptyDecisions(profiles.length);
    const chunks = Math.ceil(profiles.length / CHUNK);
    if (chunks === 0) return Promise.resolve(all);
    const batch = ++this.#batches;
    return new Promise((resolve, reject) => {
      let next = 0;
      let done = 0;
      let failed = false;
      const send = (w: Worker): void => {
        if (next >= chunks) return;
        const chunk = next++;
        const req: ChunkRequest = { batch, chunk, profiles: profiles.slice(chunk * CHUNK, (chunk + 1) * CHUNK), ...(opts.rules ? { rules: [...opts.rules] } : {}), ...(opts.asOf ? { asOf: opts.asOf } : {}) };
        w.postMessage(req);
      };
      const listeners = this.#workers.map((w) => {
        const onMessage = (m: ChunkReply): void => {
          if (failed || m.batch !== batch) return;
          if ('error' in m) {
            failed = true;
            cleanup();
            reject(new Error(m.error));
            return;
          }
          copyDecisions(all, m.chunk * CHUNK, m.decisions);
          if (++done === chunks) {
            cleanup();
            resolve(all);
          } else send(w);
        };
        const onError = (err: Error): void => {
          if (failed) return;
          failed = true;
          cleanup();
          reject(err);
        };
        w.on('message', onMessage);
        w.on('error', onError);
        return { w, onMessage, onError };
      });
      const cleanup = (): void => {
        for (const l of listeners) {
          l.w.off('message', l.onMessage);
          l.w.off('error', l.onError);
        }
      };
      for (const w of this.#workers) send(w);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

/** Decides a batch over every core and stops the workers again. */
export async function evaluateBatch(profiles: readonly Profile[], opts: BatchOptions & { threads?: number } = {}): Promise<BatchDecisions> {
  const pool = new EvaluationPool(opts.threads);
  try {
    return await pool.decide(profiles, opts);
  } finally {
    await pool.close();
  }
}
