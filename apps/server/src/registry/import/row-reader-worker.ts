// The import's reader thread: streams the sheet, checks the header, validates every row and packs the good
// ones as COPY text, in a thread of its own so that the import's writing thread and PostgreSQL work in parallel
// with it (on two cores, reading and validating a million rows costs as much CPU as writing them).
import { parentPort, workerData } from 'node:worker_threads';
import { COLUMNS, type ColumnKey } from './columns.ts';
import { analyseHeader, type HeaderMap } from './header.ts';
import { uuidV7 } from '../../platform/ids/uuid-v7.ts';
import { packBatch } from './packed-batch.ts';
import { readSheet } from './read-sheet.ts';
import type { ReaderCredit, ReaderInput, ReaderMessage, Reject } from './row-reader-protocol.ts';
import { validateRow, type ImportRow, type RowContext } from './validate-row.ts';

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
  const ctx: RowContext = { districts: new Set(input.districts), today: input.today, seen: new Map(), nonEnterprise: new Set(input.nonEnterprise) };
  const sheet = readSheet(input.path, input.format);
  const lanes: ImportRow[][] = Array.from({ length: input.lanes }, () => []);
  let rejects: Reject[] = [];
  let rowsRead = 0;
  let nextRow = 1;
  let skipped = 0;
  let skipping = input.resumeAfter > 0;
  let map: HeaderMap | null = null;

  const message = (extra: Partial<ReaderMessage> = {}): ReaderMessage => {
    let pendingFrom = nextRow;
    for (const l of lanes) if (l.length > 0) pendingFrom = Math.min(pendingFrom, l[0]!.rowNumber);
    const m: ReaderMessage = { rowsRead, bytesRead: sheet.bytesRead(), rejects, pendingFrom, ...extra };
    rejects = [];
    return m;
  };
  const send = async (lane: number): Promise<void> => {
    await creditAvailable();
    credit--;
    const rows = lanes[lane]!;
    lanes[lane] = [];
    const now = Date.now(); // ids for the enterprises the writer finds unregistered
    port.postMessage(message({ batch: { lane, packed: packBatch(input.regionCode, rows, () => uuidV7(now)) } }));
  };
  const finishSkipping = (): Partial<ReaderMessage> => {
    if (!skipping) return {};
    skipping = false;
    return { skipped };
  };

  try {
    for await (const { rowNumber, values } of sheet.rows) {
      nextRow = rowNumber + 1;
      if (map === null) {
        const h = analyseHeader(values);
        if (!h.ok) { port.postMessage(message({ fileError: h.error, end: true })); return; }
        map = h.map;
        port.postMessage(message({ headers: values.slice(0, map.length) }));
        continue;
      }
      rowsRead++;
      const cells: Partial<Record<ColumnKey, string>> = { ...BLANK_CELLS };
      for (let i = 0; i < map.length; i++) {
        const k = map[i];
        if (k) cells[k] = values[i] ?? '';
      }
      const verdict = validateRow(rowNumber, cells, ctx);
      if (rowNumber <= input.resumeAfter) { skipped++; continue; }
      if (!verdict.ok) rejects.push({ rowNumber, values, errors: verdict.errors });
      else {
        const lane = laneOf(verdict.row.uscc, input.lanes);
        lanes[lane]!.push(verdict.row);
        if (lanes[lane]!.length >= input.batchSize) await send(lane);
      }
      if (rowsRead % 2000 === 0) port.postMessage(message(finishSkipping()));
    }
    for (let lane = 0; lane < lanes.length; lane++) if (lanes[lane]!.length > 0) await send(lane);
    port.postMessage(message({ ...finishSkipping(), end: true }));
  } catch (err) {
    port.postMessage(message({ failure: err instanceof Error ? err.message : String(err), end: true }));
  }
}

await read();
port.close();
