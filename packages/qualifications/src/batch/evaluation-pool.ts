// Worker threads that evaluate a batch of profiles over every core, in one process. The batch is cut into
// chunks handed to whichever worker is free, and only the decisions (outcome and score per rule) come back:
// criteria and messages stay in the workers, since cloning them back would cost more than deciding them.
// Custom packs cannot cross threads (they are functions), so a pool runs the default packs.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Profile, RuleId } from '../types.ts';
import { copyDecisions, emptyDecisions, type BatchDecisions } from './batch-decisions.ts';
import { CHUNK_SIZE as CHUNK, type ChunkReply, type ChunkRequest } from './batch-worker.ts';

export interface BatchOptions {
  rules?: readonly RuleId[];
  asOf?: string;
}

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

  /**
   * Decides every profile against the rules in force (or `rules`), on `asOf` or each profile's own date.
   * Profiles given as objects are cloned into the workers, which costs the calling thread more than deciding
   * them (15–45 µs against about 7 µs a profile): for objects already in memory, evaluateProfile on the calling
   * thread is faster. Profiles given as JSON texts (`decideJson`) are parsed and validated in the workers.
   */
  decide(profiles: readonly Profile[], opts: BatchOptions = {}): Promise<BatchDecisions> {
    return this.#run(profiles.length, (from, to) => ({ profiles: profiles.slice(from, to) }), opts);
  }

  /** Decides profiles given as JSON texts (one profile each), parsed and validated in the workers. */
  decideJson(texts: readonly string[], opts: BatchOptions = {}): Promise<BatchDecisions> {
    return this.#run(texts.length, (from, to) => ({ texts: texts.slice(from, to) }), opts);
  }

  #run(count: number, input: (from: number, to: number) => Pick<ChunkRequest, 'profiles' | 'texts'>, opts: BatchOptions): Promise<BatchDecisions> {
    const all = emptyDecisions(count);
    const chunks = Math.ceil(count / CHUNK);
    if (chunks === 0) return Promise.resolve(all);
    const batch = ++this.#batches;
    return new Promise((resolve, reject) => {
      let next = 0;
      let done = 0;
      let failed = false;
      const send = (w: Worker): void => {
        if (next >= chunks) return;
        const chunk = next++;
        const req: ChunkRequest = { batch, chunk, ...input(chunk * CHUNK, (chunk + 1) * CHUNK), ...(opts.rules ? { rules: [...opts.rules] } : {}), ...(opts.asOf ? { asOf: opts.asOf } : {}) };
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
