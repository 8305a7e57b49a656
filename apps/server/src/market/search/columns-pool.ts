// A small pool of segmentation worker threads for bulk imports: batches of listings go round-robin to the
// workers and come back as search columns, so jieba runs beside the database instead of before it.
import { startModuleWorker } from '../../platform/workers/start-module-worker.ts';
import type { ColumnsRequest, ColumnsResponse } from './columns-worker.ts';
import type { SearchColumns } from './search-columns.ts';

export type ColumnsPool = {
  columnsOf(fields: ColumnsRequest['fields']): Promise<SearchColumns[]>;
  close(): Promise<void>;
};

const WORKER_URL = new URL('./columns-worker.ts', import.meta.url);

export function createColumnsPool(threads: number): ColumnsPool {
  const workers = Array.from({ length: Math.max(1, threads) }, () => startModuleWorker(WORKER_URL));
  const waiting = new Map<number, { resolve: (c: SearchColumns[]) => void; reject: (e: Error) => void }>();
  for (const worker of workers) {
    worker.on('message', (res: ColumnsResponse) => {
      waiting.get(res.seq)?.resolve(res.columns);
      waiting.delete(res.seq);
    });
    worker.on('error', (err) => {
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
    });
  }
  let seq = 0;
  return {
    columnsOf: (fields) => new Promise((resolve, reject) => {
      seq += 1;
      waiting.set(seq, { resolve, reject });
      workers[seq % workers.length]!.postMessage({ seq, fields } satisfies ColumnsRequest);
    }),
    close: async () => { await Promise.all(workers.map((w) => w.terminate())); },
  };
}
