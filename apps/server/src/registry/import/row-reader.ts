// Starts the import's reader thread and turns its messages into an async stream, handing out one credit per
// batch written so the reader stays at most a few batches ahead of the writer.
import { startModuleWorker } from '../../platform/workers/start-module-worker.ts';
import type { ReaderCredit, ReaderInput, ReaderMessage } from './row-reader-protocol.ts';

export type RowReader = { messages: AsyncIterable<ReaderMessage>; credit(): void; stop(): Promise<void> };

const WORKER_URL = new URL('./row-reader-worker.ts', import.meta.url);

export function readRows(input: ReaderInput, signal?: AbortSignal): RowReader {
  // A larger young generation: the reader allocates a few hundred bytes per cell read, nearly all short-lived.
  const worker = startModuleWorker(WORKER_URL, input, { maxYoungGenerationSizeMb: 48 });
  const queue: ReaderMessage[] = [];
  let failure: Error | null = null;
  let finished = false;
  let wake: (() => void) | null = null;
  const notify = () => { wake?.(); wake = null; };
  worker.on('message', (m: ReaderMessage) => { queue.push(m); if (m.end) finished = true; notify(); });
  worker.on('error', (err) => { failure = err; notify(); });
  worker.on('exit', () => { if (!finished && failure === null) failure = new Error('the reader thread stopped'); notify(); });
  const onAbort = () => { void worker.terminate(); };
  signal?.addEventListener('abort', onAbort, { once: true });

  async function* messages(): AsyncGenerator<ReaderMessage> {
    for (;;) {
      if (signal?.aborted) return;
      const m = queue.shift();
      if (m) {
        yield m;
        if (m.end) return;
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => { wake = resolve; });
    }
  }
  return {
    messages: messages(),
    credit: () => worker.postMessage({ credit: 1 } satisfies ReaderCredit),
    stop: async () => { signal?.removeEventListener('abort', onAbort); await worker.terminate(); },
  };
}
