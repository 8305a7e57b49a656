// Messages between an import and its reader thread (row-reader-worker.ts). The reader parses and validates the
// sheet and packs the good rows as COPY text (packed-batch.ts); the import writes. Every message carries the reader's
// progress; batches are sent only while the import has given credit for them, so memory stays bounded.
import type { FileError } from './header.ts';
import type { PackedBatch } from './packed-batch.ts';
import type { SheetFormat } from './read-sheet.ts';
import type { RowError } from './validate-row.ts';

export type ReaderInput = {
  regionCode: string;
  path: string;
  format: SheetFormat;
  today: string;
  districts: string[];
  nonEnterprise: string[];
  /** Rows up to this one were handled before an interruption: read again only to find repeats in the file. */
  resumeAfter: number;
  batchSize: number;
  lanes: number;
  /** Batches the reader may send ahead of the import's credit. */
  ahead: number;
};

export type Reject = { rowNumber: number; values: string[]; errors: RowError[] };

export type ReaderMessage = {
  rowsRead: number;
  bytesRead: number;
  /** Rejected rows since the last message. */
  rejects: Reject[];
  /** The first row the reader still holds (in a lane not yet sent), or the next row it will read. */
  pendingFrom: number;
  /** Once, when resuming: how many rows were skipped as handled before the interruption. */
  skipped?: number;
  headers?: string[];
  fileError?: FileError;
  /** The reader failed (a damaged file): the message of the error. */
  failure?: string;
  batch?: { lane: number; packed: PackedBatch };
  end?: true;
};

/** From the import to the reader: one more batch may be sent. */
export type ReaderCredit = { credit: number };
