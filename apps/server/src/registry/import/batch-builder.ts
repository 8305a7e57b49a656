// Builds one lane's batch as the COPY text (bytes) of each target table, row by row: the reader's fast path
// (fast-csv-row.ts) writes a row's values straight from the file's bytes, the general path (`addRow`) from a
// validated ImportRow — both through the same lines, so the two cannot disagree. Organisations and profiles (with
// the IP counts) hold one line per enterprise: when an enterprise comes again in the batch its earlier lines are
// dropped (its last row wins) and it keeps the id it was first given.
import { copyValue } from '../../platform/database/copy-in.ts';
import { ByteSink } from './byte-sink.ts';
import type { PackedBatch } from './packed-batch.ts';
import { keyOfText, UsccTable } from './uscc-table.ts';
import { IP_COLUMNS, MONEY_KEYS, type ImportRow, type IpColumn } from './validate-row.ts';

export const TAB = 9, LF = 10;
const IP_KEYS = Object.keys(IP_COLUMNS) as IpColumn[];
const NULL = '\\N';
/** A column's key in a profile's IP counts (registry_enterprises.ip_counts): kind/status/acquisition. The import writes granted, self-developed IP. */
export const IP_KEY = Object.fromEntries(IP_KEYS.map((k) => [k, `${IP_COLUMNS[k]}/granted/self`])) as Record<IpColumn, string>;

export class BatchBuilder {
  readonly organisations: ByteSink;
  readonly profiles: ByteSink;
  readonly fiscal: ByteSink;
  /** The region code as COPY text, UTF-8. */
  readonly region: Uint8Array;
  rowNumbers: number[] = [];
  private readonly enterprises = new UsccTable(1 << 13);
  private ids: string[] = [];
  /** Each enterprise's line head, region code, tab and id, as bytes (`headLength` each). */
  private heads: Buffer;
  readonly headLength: number;
  /** Per enterprise of the batch: where its organisation and profile lines start and end. */
  private ranges: number[] = [];
  private dropped = 0;
  private current = 0;

  /** `rows`: how many rows a batch is expected to hold, to size the buffers (they grow if need be). */
  constructor(regionCode: string, private readonly newId: () => string, rows = 16) {
    this.region = Buffer.from(copyValue(regionCode), 'utf8');
    this.headLength = this.region.length + 37;
    this.heads = Buffer.alloc(this.headLength * rows);
    this.organisations = new ByteSink(rows * 128);
    this.profiles = new ByteSink(rows * 96);
    this.fiscal = new ByteSink(rows * 256);
  }

  get rows(): number {
    return this.rowNumbers.length;
  }

  /**
   * Starts a row of the enterprise whose code is the key last computed (uscc-table.ts); returns the enterprise's
   * number in the batch, whose line head (`head`, `headAt`) carries the id it was given when it first came.
   */
  beginRow(rowNumber: number): number {
    this.rowNumbers.push(rowNumber);
    let e = this.enterprises.get();
    if (e < 0) {
      e = this.ids.length;
      const id = this.newId();
      this.ids.push(id);
      this.ranges.push(0, 0, 0, 0);
      this.enterprises.set(e);
      const n = this.headLength;
      if ((e + 1) * n > this.heads.length) {
        const grown = Buffer.alloc(this.heads.length * 2 + n);
        grown.set(this.heads);
        this.heads = grown;
      }
      const h = this.heads;
      h.set(this.region, e * n);
      h[e * n + this.region.length] = TAB;
      h.write(id, e * n + this.region.length + 1, 36, 'latin1'); // one native copy: ids are often concatenations
    } else this.dropped++;
    this.current = e;
    return e;
  }

  /** Call before writing the row's organisation and profile lines. */
  beginEnterpriseLines(): void {
    const r = this.ranges, at = 4 * this.current;
    r[at] = this.organisations.length; r[at + 2] = this.profiles.length;
  }

  endEnterpriseLines(): void {
    const r = this.ranges, at = 4 * this.current;
    r[at + 1] = this.organisations.length; r[at + 3] = this.profiles.length;
  }

  /** Starts a line of `sink` with the region code and the id of enterprise `e` (from beginRow). */
  head(sink: ByteSink, e: number): void {
    sink.copy(this.heads, e * this.headLength, (e + 1) * this.headLength);
  }

  /** The line head of enterprise `e`: its bytes are `heads[at … at + headLength]`. */
  headAt(e: number): number {
    return e * this.headLength;
  }

  get headBytes(): Uint8Array {
    return this.heads;
  }

  /** A row validated by validateRow. */
  addRow(r: ImportRow): void {
    if (!keyOfText(r.uscc)) throw new Error(`not a valid credit code: ${r.uscc}`);
    const id = this.beginRow(r.rowNumber);
    const f = this.fiscal;
    this.head(f, id);
    f.byte(TAB); f.digits(r.year);
    for (const k of MONEY_KEYS) { f.byte(TAB); integerOrNull(f, r.money[k]); }
    for (const n of [r.employees, r.scienceStaff, r.rdStaff, r.conversions]) { f.byte(TAB); integerOrNull(f, n); }
    f.byte(LF);
    this.beginEnterpriseLines();
    const o = this.organisations;
    this.head(o, id);
    o.ascii('\tenterprise\t'); o.utf8(copyValue(r.name)); o.byte(TAB); o.ascii(r.uscc); o.byte(TAB); o.utf8(copyValue(r.districtCode)); o.byte(LF);
    const p = this.profiles;
    this.head(p, id);
    for (const v of [r.foundedOn, r.industryCode, r.techField, r.cluster]) { p.byte(TAB); p.utf8(v === null ? NULL : copyValue(v)); }
    p.byte(TAB); p.ascii(r.listed === null ? NULL : String(r.listed));
    p.byte(TAB);
    let first = true;
    for (const k of IP_KEYS) {
      const n = r.ip[k];
      if (n === null) continue;
      p.ascii(first ? '{"' : ',"'); p.ascii(IP_KEY[k]); p.ascii('":'); p.digits(n);
      first = false;
    }
    p.ascii(first ? NULL : '}');
    p.byte(LF);
    this.endEnterpriseLines();
  }

  /** The batch so far, and a fresh start. */
  finish(): PackedBatch {
    if (this.dropped > 0) this.dropEarlierLines();
    const rowNumbers = this.rowNumbers;
    const batch: PackedBatch = {
      rows: rowNumbers.length, firstRow: rowNumbers[0] ?? 0, lastRow: rowNumbers.at(-1) ?? 0, rowNumbers, enterprises: this.ids.length,
      organisations: this.organisations.take(), profiles: this.profiles.take(), fiscal: this.fiscal.take(),
    };
    this.rowNumbers = [];
    this.ids = [];
    this.ranges = [];
    this.dropped = 0;
    this.enterprises.clear();
    return batch;
  }

  /** Keeps only each enterprise's last organisation and profile lines (the ranges hold those). */
  private dropEarlierLines(): void {
    const sinks = [this.organisations, this.profiles];
    for (let s = 0; s < 2; s++) {
      const sink = sinks[s]!;
      const live: [number, number][] = [];
      for (let at = 2 * s; at < this.ranges.length; at += 4) live.push([this.ranges[at]!, this.ranges[at + 1]!]);
      live.sort((a, b) => a[0] - b[0]);
      const kept = sink.bytes.slice(0, sink.length);
      sink.length = 0;
      for (const [start, end] of live) sink.copy(kept, start, end);
    }
  }
}

function integerOrNull(sink: ByteSink, n: number | null): void {
  if (n === null) sink.ascii(NULL);
  else if (n < 0) { sink.byte(45); sink.digits(-n); } else sink.digits(n);
}
