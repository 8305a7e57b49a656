// Worker thread of the segmentation pool: computes listings' search columns (jieba, tsvector literal,
// per-term ranks, trigram transcription) off the main thread, so a bulk import overlaps segmentation
// with the database's writes.
import { parentPort } from 'node:worker_threads';
import { searchColumnsOf, type SearchColumns } from './search-columns.ts';

export type ColumnsRequest = { seq: number; fields: { title: string; keywords: string[]; summary: string }[] };
export type ColumnsResponse = { seq: number; columns: SearchColumns[] };

parentPort?.on('message', (req: ColumnsRequest) => {
  const response: ColumnsResponse = { seq: req.seq, columns: req.fields.map((f) => searchColumnsOf(f)) };
  parentPort!.postMessage(response);
});
