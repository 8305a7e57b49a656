// Worker thread of the segmentation pool: computes listings' search columns (jieba, tsvector literal,
// per-term ranks, trigram transcription) off the main thread, so a bulk import overlaps segmentation
// with the database's writes. Terms go back as this worker's numbers (new terms listed once, in number
// order) and ranks as float4 arrays: typed arrays cross threads as one copy, where ~80 strings a listing
// had to be rebuilt and hashed again on the main thread.
import { parentPort } from 'node:worker_threads';
import { searchColumnsOf } from './search-columns.ts';

export type ColumnsRequest = { seq: number; fields: { title: string; keywords: string[]; summary: string }[] };
export type WorkerColumns = { searchVector: string; searchLength: number; titleGrams: string; termIds: Int32Array; ranks: Float32Array };
/** `newTerms`: the terms this worker numbered while answering, the first of them numbered `firstNewId`. */
export type ColumnsResponse = { seq: number; firstNewId: number; newTerms: string[]; columns: WorkerColumns[] };

const ids = new Map<string, number>();

parentPort?.on('message', (req: ColumnsRequest) => {
  const firstNewId = ids.size;
  const newTerms: string[] = [];
  const columns = req.fields.map((f): WorkerColumns => {
    const c = searchColumnsOf(f);
    const termIds = new Int32Array(c.terms.length);
    c.terms.forEach((term, j) => {
      let id = ids.get(term);
      if (id === undefined) {
        id = ids.size;
        ids.set(term, id);
        newTerms.push(term);
      }
      termIds[j] = id;
    });
    return { searchVector: c.searchVector, searchLength: c.searchLength, titleGrams: c.titleGrams, termIds, ranks: Float32Array.from(c.ranks) };
  });
  parentPort!.postMessage({ seq: req.seq, firstNewId, newTerms, columns } satisfies ColumnsResponse);
});
