// COPY … FROM STDIN over a pg client, without another dependency: a "submittable" (the interface pg uses for
// custom queries, as pg-copy-streams does) that sends the prepared text when the server asks for data.
// COPY moves rows into PostgreSQL several times faster than multi-row INSERTs with array parameters.
import pg from 'pg';

type CopyConnection = {
  query(text: string): void; sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void;
  stream?: { writable: boolean; write(chunk: Buffer): boolean };
};

class CopyIn {
  private settled = false;
  rowCount = 0;
  constructor(private readonly text: string, private readonly data: Buffer, private readonly callback: (err: Error | null, rows: number) => void) {}
  private done(err: Error | null): void {
    if (this.settled) return;
    this.settled = true;
    this.callback(err, this.rowCount);
  }
  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: CopyConnection): void {
    const { stream } = connection;
    for (let i = 0; i < this.data.length; i += 1 << 20) {
      const chunk = this.data.subarray(i, i + (1 << 20));
      // A CopyData message written as its 5-byte header and the chunk itself: pg's serializer would first copy
      // the chunk into a buffer it allocates for the message (a megabyte per chunk of a large import).
      if (stream?.writable === true) {
        const header = Buffer.allocUnsafe(5);
        header[0] = 0x64; // 'd'
        header.writeInt32BE(chunk.length + 4, 1);
        stream.write(header);
        stream.write(chunk);
      } else connection.sendCopyFromChunk(chunk);
    }
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text?: string }): void {
    this.rowCount = Number(msg.text?.split(' ')[1] ?? 0);
  }
  // pg drops the query that failed before the server's ReadyForQuery arrives (the client queues the next
  // query until then), so an error settles here; waiting for ReadyForQuery would wait forever.
  handleError(err: Error): void {
    this.done(err);
  }
  handleReadyForQuery(): void {
    this.done(null);
  }
  // Not expected during COPY FROM; present so an odd server reply cannot crash the client.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
}

/** Runs `COPY table (cols) FROM STDIN` with `data` in PostgreSQL's text format (a string, or its UTF-8 bytes); resolves to the row count. */
export function copyIn(client: pg.ClientBase, copySql: string, data: string | Uint8Array): Promise<number> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return new Promise((resolve, reject) => {
    const q = new CopyIn(copySql, bytes, (err, rows) => (err ? reject(err) : resolve(rows)));
    void (client as unknown as { query(q: CopyIn): unknown }).query(q);
  });
}

/** One value in COPY text format: \N for null; backslash, tab, newline and carriage return escaped. */
export function copyValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v;
}

/** Rows as COPY text: tab-separated values, one line each. */
export function copyRows(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(copyValue).join('\t')}\n`;
  return text;
}

/**
 * The pg client under a drizzle database or transaction (node-postgres driver), so a COPY runs inside the
 * caller's transaction; null for a pool (no transaction to join). drizzle keeps the client on its session
 * without typing it as public, hence the checks: a driver change fails here, loudly, not in a COPY.
 */
export function clientOf(db: object): pg.ClientBase | null {
  const client = (db as { _?: { session?: { client?: unknown } } })._?.session?.client;
  if (client instanceof pg.Pool) return null;
  if (client instanceof pg.Client) return client;
  throw new Error('COPY needs a drizzle database on a node-postgres client or pool');
}
