// A small pool of segmentation worker threads for bulk imports: batches of listings go round-robin to the
// workers and come back as search columns, so jieba runs beside the database instead of before it. Each
// worker numbers terms its own way; the pool renumbers them into one TermDictionary (the import's champion
// collector's, so its heaps are reached by number).
import { startModuleWorker } from '../../platform/workers/start-module-worker.ts';
import type { ColumnsRequest, ColumnsResponse } from './columns-worker.ts';
import type { NumberedColumns } from './search-columns.ts';
import type { TermDictionary } from './term-dictionary.ts';

export type ColumnsPool = {
  columnsOf(fields: ColumnsRequest['fields']): Promise<NumberedColumns[]>;
  close(): Promise<void>;
};

const WORKER_URL = new URL('./columns-worker.ts', import.meta.url);

export function createColumnsPool(threads: number, dictionary: TermDictionary): ColumnsPool {
  const waiting = new Map<number, { resolve: (c: NumberedColumns[]) => void; reject: (e: Error) => void }>();
  const workers = Array.from({ length: Math.max(1, threads) }, () => {
    const worker = startModuleWorker(WORKER_URL);
    // `toShared[local]`: the dictionary's number of the worker's term `local`.
    let toShared = new Int32Array(1024);
    worker.on('message', (res: ColumnsResponse) => {
      const needed = res.firstNewId + res.newTerms.length;
      if (needed > toShared.length) {
        const grown = new Int32Array(Math.max(needed, toShared.length * 2));
        grown.set(toShared);
        toShared = grown;
      }
      res.newTerms.forEach((term, i) => { toShared[res.firstNewId + i] = dictionary.idOf(term); });
      const columns = res.columns.map((c): NumberedColumns => {
        for (let j = 0; j < c.termIds.length; j += 1) c.termIds[j] = toShared[c.termIds[j]!]!;
        return { ...c, dictionary };
      });
      waiting.get(res.seq)?.resolve(columns);
      waiting.delete(res.seq);
    });
    worker.on('error', (err) => {
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
    });
    return worker;
  });
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
