// One region's in-memory index and how it follows the database. Loading reads every published listing in
// one repeatable-read snapshot; afterwards each search first reads the rows written by transactions the
// index has not seen (market_listings.search_xid, stamped on insert and update), so a search sees every
// write committed before it began — in this process or any other. The boundary of what was seen is the
// snapshot's xmin: rows of transactions still running then are read again next time (applying a version
// twice is a no-op), so a transaction that commits late is never skipped.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/database/open-database.ts';
import { RANK_WEIGHTS } from '../champions.ts';
import { PRICE_BAND_SQL } from '../ranking.ts';
import { ListingIndex, type IndexedListing, type PriceBandCode } from './listing-index.ts';
import { parseTsvector } from './parse-tsvector.ts';

/** Rows per statement while loading and catching up. */
const CHUNK = 5000;
const NO_ID = '00000000-0000-0000-0000-000000000000';

type ListingRow = {
  id: string; version: string; published: boolean; published_ms: number | null; kind: 'achievement' | 'demand'; field: string;
  trl: number | null; band: PriceBandCode; district_code: string | null; search_length: number; vector: string;
};

const ROW_COLUMNS = sql.raw(`m.id, m.search_xid::text AS version, (m.status = 'published' AND m.published_at IS NOT NULL) AS published,
  (extract(epoch FROM m.published_at) * 1000)::float8 AS published_ms, m.kind, m.field, m.trl,
  ${PRICE_BAND_SQL.replace(/price_fen|budget_max_fen/g, (c) => `m.${c}`)} AS band, m.district_code, m.search_length, m.search_vector::text AS vector`);

/** A position in the order (search_xid, id) in which changes are read. */
type Key = { xid: bigint; id: string };
const compareKeys = (a: Key, b: Key): number => (a.xid < b.xid ? -1 : a.xid > b.xid ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class RegionReplica {
  readonly index = new ListingIndex();
  /** Every change before this key has been applied. */
  private seen: Key = { xid: 0n, id: NO_ID };
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(private readonly db: Db, readonly regionCode: string) {}

  /** Reads the region's published listings into the index (once, before any catch-up). */
  async load(): Promise<void> {
    await this.db.transaction(async (tx) => {
      const snapshot = await tx.execute<{ horizon: string }>(sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`);
      const chunkAfter = (after: string) => tx.execute<ListingRow>(sql`
        SELECT ${ROW_COLUMNS} FROM market_listings m
        WHERE m.region_code = ${this.regionCode} AND m.status = 'published' AND m.id > ${after}::uuid ORDER BY m.id LIMIT ${CHUNK}`);
      // The next chunk is asked for before this one is parsed: the database prepares it meanwhile.
      let next: ReturnType<typeof chunkAfter> | null = chunkAfter(NO_ID);
      while (next) {
        const res: { rows: ListingRow[] } = await next;
        next = res.rows.length === CHUNK ? chunkAfter(res.rows[res.rows.length - 1]!.id) : null;
        for (const row of res.rows) this.index.apply(toListing(row));
      }
      this.seen = { xid: BigInt(snapshot.rows[0]!.horizon), id: NO_ID };
    }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
  }

  /**
   * Applies every change committed before now. Concurrent callers share one read; a caller arriving while
   * a read is under way waits for the next one, which starts after it arrived.
   */
  catchUp(): Promise<void> {
    if (!this.running) {
      this.running = this.readChanges().finally(() => { this.running = null; });
      return this.running;
    }
    this.queued ??= this.running.catch(() => undefined).then(() => { this.queued = null; return this.catchUp(); });
    return this.queued;
  }

  /** The position changes are read from, as SQL literals (for a statement that checks whether any exist). */
  get seenPosition(): { xid: string; id: string } {
    return { xid: this.seen.xid.toString(), id: this.seen.id };
  }

  /**
   * A statement whose snapshot had xmin `horizon` found no change after `seenPosition`: everything below the
   * horizon is final and was read, so reading may start there.
   */
  settle(horizon: string, checkedFrom: { xid: string; id: string }): void {
    if (checkedFrom.xid !== this.seen.xid.toString() || checkedFrom.id !== this.seen.id) return;
    const key = { xid: BigInt(horizon), id: NO_ID };
    if (compareKeys(key, this.seen) > 0) this.seen = key;
  }

  private async readChanges(): Promise<void> {
    let from = this.seen;
    for (;;) {
      const res = await this.db.execute<ListingRow & { horizon: string }>(sql`
        SELECT h.horizon, c.* FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon) AS h
        LEFT JOIN LATERAL (
          SELECT ${ROW_COLUMNS} FROM market_listings m
          WHERE m.region_code = ${this.regionCode} AND (m.search_xid, m.id) > (${from.xid.toString()}::xid8, ${from.id}::uuid)
          ORDER BY m.search_xid, m.id LIMIT ${CHUNK}
        ) AS c ON TRUE`);
      const rows = res.rows.filter((r) => r.id !== null);
      for (const row of rows) this.index.apply(toListing(row));
      const horizon: Key = { xid: BigInt(res.rows[0]!.horizon), id: NO_ID };
      const last = rows.length > 0 ? { xid: BigInt(rows[rows.length - 1]!.version), id: rows[rows.length - 1]!.id } : from;
      // What is below the horizon is final; above it a running transaction may still commit rows.
      const settled = rows.length < CHUNK ? horizon : (compareKeys(last, horizon) < 0 ? last : horizon);
      if (compareKeys(settled, this.seen) > 0) this.seen = settled;
      if (rows.length < CHUNK) return;
      from = last;
    }
  }
}

function toListing(row: ListingRow): IndexedListing {
  const parsed = row.published ? parseTsvector(row.vector, RANK_WEIGHTS) : { terms: [], ranks: [] };
  return {
    id: row.id, version: row.version, published: row.published, publishedAtMs: row.published_ms ?? 0, kind: row.kind, field: row.field,
    trl: row.trl, priceBand: row.band, districtCode: row.district_code, length: row.search_length, terms: parsed.terms, ranks: parsed.ranks,
  };
}
