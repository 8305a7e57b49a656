// The import's reader thread: streams the sheet, checks the header, validates every row and packs the good
// ones as COPY text, in a thread of its own so that the import's writing thread and PostgreSQL work in parallel
// with it (on two cores, reading and validating a million rows costs as much CPU as writing them). A CSV line
// without quotes takes the fast path (csv-cursor.ts, fast-csv-row.ts: checked and packed from its bytes); any
// other row — the .xlsx sheet's, a quoted line, a line the fast path does not accept — goes through validateRow.
import { parentPort, workerData } from 'node:worker_threads';
import { uuidV7 } from '../../platform/ids/uuid-v7.ts';
import { BatchBuilder } from './batch-builder.ts';
import { COLUMNS, type ColumnKey } from './columns.ts';
import { CsvCursor, LINE, MORE } from './csv-cursor.ts';
import { FastCsvRow } from './fast-csv-row.ts';
import { analyseHeader, type HeaderMap } from './header.ts';
import { transferListOf } from './packed-batch.ts';
import { readSheet } from './read-sheet.ts';
import type { ReaderCredit, ReaderInput, ReaderMessage, Reject } from './row-reader-protocol.ts';
import { SeenFiscalYears } from './seen-fiscal-years.ts';
import { validateRow, type RowContext } from './validate-row.ts';

const input = workerData as ReaderInput;
const port = parentPort!;

/** Every column empty; a row's cells start as a copy, so all rows share one object shape. */
const BLANK_CELLS = Object.fromEntries(COLUMNS.map((c) => [c.key, ''])) as Record<ColumnKey, string>;

let credit = input.ahead;
let wake: (() => void) | null = null;
port.on('message', (m: ReaderCredit) => {
  credit += m.credit;
  wake?.();
  wake = null;
});
const creditAvailable = (): Promise<void> => (credit > 0 ? Promise.resolve() : new Promise((resolve) => { wake = resolve; }));

function laneOf(uscc: string, n: number): number {
  if (n === 1) return 0;
  let h = 0;
  for (let i = 0; i < uscc.length; i++) h = (h * 31 + uscc.charCodeAt(i)) | 0;
  return Math.abs(h) % n;
}

async function read(): Promise<void> {
  const seen = new SeenFiscalYears();
  const ctx: RowContext = { districts: new Set(input.districts), today: input.today, seen, nonEnterprise: new Set(input.nonEnterprise) };
  const sheet = readSheet(input.path, input.format);
  const lanes = Array.from({ length: input.lanes }, () => new BatchBuilder(input.regionCode, () => uuidV7(), input.batchSize));
  let rejects: Reject[] = [];
  let rowsRead = 0;
  let nextRow = 1;
  let skipped = 0;
  let skipping = input.resumeAfter > 0;
  let map: HeaderMap | null = null;
  let fast: FastCsvRow | null = null;

  const message = (extra: Partial<ReaderMessage> = {}): ReaderMessage => {
    let pendingFrom = nextRow;
    for (const l of lanes) if (l.rows > 0) pendingFrom = Math.min(pendingFrom, l.rowNumbers[0]!);
    const m: ReaderMessage = { rowsRead, bytesRead: sheet.bytesRead(), rejects, pendingFrom, ...extra };
    rejects = [];
    return m;
  };
  const send = async (lane: number): Promise<void> => {
    await creditAvailable();
    credit--;
    const packed = lanes[lane]!.finish();
    port.postMessage(message({ batch: { lane, packed } }), transferListOf(packed));
  };
  const finishSkipping = (): Partial<ReaderMessage> => {
    if (!skipping) return {};
    skipping = false;
    return { skipped };
  };

  /** A row's end: the lane whose batch is full (to send), or NONE; STOP when the header is refused. */
  const NONE = -1, STOP = -2;
  const afterRow = (lane: number): number => {
    if (rowsRead % 2000 === 0) port.postMessage(message(finishSkipping()));
    return lane >= 0 && lanes[lane]!.rows >= input.batchSize ? lane : NONE;
  };
  const cellsRow = (rowNumber: number, values: string[]): number => {
    nextRow = rowNumber + 1;
    if (map === null) {
      const h = analyseHeader(values);
      if (!h.ok) { port.postMessage(message({ fileError: h.error, end: true })); return STOP; }
      map = h.map;
      if (input.format === 'csv') fast = new FastCsvRow(map, { districts: ctx.districts, today: ctx.today, seen, nonEnterprise: ctx.nonEnterprise! });
      port.postMessage(message({ headers: values.slice(0, map.length) }));
      return NONE;
    }
    rowsRead++;
    const cells: Partial<Record<ColumnKey, string>> = { ...BLANK_CELLS };
    for (let i = 0; i < map.length; i++) {
      const k = map[i];
      if (k) cells[k] = values[i] ?? '';
    }
    const verdict = validateRow(rowNumber, cells, ctx);
    let lane = NONE;
    if (rowNumber <= input.resumeAfter) skipped++;
    else if (!verdict.ok) rejects.push({ rowNumber, values, errors: verdict.errors });
    else {
      lane = laneOf(verdict.row.uscc, input.lanes);
      lanes[lane]!.addRow(verdict.row);
    }
    return afterRow(lane);
  };
  /** A CSV record: a line without quotes tries the fast path first. */
  const csvRow = (cursor: CsvCursor, kind: number): number => {
    const rowNumber = cursor.rowNumber;
    if (kind === LINE && fast !== null && fast.check(cursor.buf, cursor.start, cursor.end, rowNumber)) {
      nextRow = rowNumber + 1;
      rowsRead++;
      let lane = NONE;
      if (rowNumber <= input.resumeAfter) skipped++;
      else {
        lane = fast.lane(input.lanes);
        fast.write(lanes[lane]!);
      }
      return afterRow(lane);
    }
    return cellsRow(rowNumber, kind === LINE ? cursor.buf.toString('utf8', cursor.start, cursor.end).split(',') : cursor.values);
  };

  try {
    if (input.format === 'csv') {
      // Records are taken chunk by chunk in a plain loop; the reader awaits only to send a batch.
      const cursor = new CsvCursor();
      const drain = async (final: boolean): Promise<boolean> => {
        for (let k = cursor.next(final); k !== MORE; k = cursor.next(final)) {
          const lane = csvRow(cursor, k);
          if (lane === STOP) return false;
          if (lane >= 0) await send(lane);
        }
        return true;
      };
      for await (const chunk of sheet.chunks!) {
        cursor.feed(chunk);
        if (!await drain(false)) return;
      }
      if (!await drain(true)) return;
    } else {
      for await (const { rowNumber, values } of sheet.rows) {
        const lane = cellsRow(rowNumber, values);
        if (lane === STOP) return;
        if (lane >= 0) await send(lane);
      }
    }
    for (let lane = 0; lane < lanes.length; lane++) if (lanes[lane]!.rows > 0) await send(lane);
    port.postMessage(message({ ...finishSkipping(), end: true }));
  } catch (err) {
    port.postMessage(message({ failure: err instanceof Error ? err.message : String(err), end: true }));
  }
}

await read();
port.close();
