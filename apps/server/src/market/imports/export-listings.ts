// Exports a region's (or an organisation's) listings in the import columns, so an export can be edited
// and imported again. Streams page by page.
import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';
import type { SheetFormat } from '../../registry/import/read-sheet.ts';
import { writeSheet } from '../../registry/import/write-sheet.ts';
import type { ListingStatus } from '../schema.ts';

export const EXPORT_HEADER = ['id', 'type', 'title', 'summary', 'field', 'keywords', 'trl', 'price', 'credit_code', 'status', 'owner'] as const;

export async function exportListings(db: Db, o: { regionCode: string; ownerOrgId?: string; status?: ListingStatus; format: SheetFormat }, out: Writable): Promise<void> {
  async function* rows(): AsyncIterable<(string | number | null)[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await db.execute<{ id: string; external_id: string | null; kind: string; title: string; summary: string; field: string; keywords: string[]; trl: number | null; price: string | null; uscc: string; status: string; name: string }>(sql`
        SELECT m.id, m.external_id, m.kind, m.title, m.summary, m.field, m.keywords, m.trl, coalesce(m.price_fen, m.budget_max_fen)::text AS price, o.uscc, m.status, o.name
        FROM market_listings m JOIN organisations o ON o.region_code = m.region_code AND o.id = m.owner_org_id
        WHERE m.region_code = ${o.regionCode} AND m.id > ${after}::uuid
          ${o.ownerOrgId ? sql`AND m.owner_org_id = ${o.ownerOrgId}` : sql``} ${o.status ? sql`AND m.status = ${o.status}` : sql``}
        ORDER BY m.id LIMIT 2000`);
      if (page.rows.length === 0) return;
      for (const r of page.rows) {
        yield [r.external_id ?? r.id, r.kind, r.title, r.summary, r.field, r.keywords.join(';'), r.trl, r.price === null ? '面议' : yuan(BigInt(r.price)), r.uscc, r.status, r.name];
      }
      after = page.rows.at(-1)!.id;
    }
  }
  await writeSheet(o.format, '成果与需求', EXPORT_HEADER, rows(), out);
}

function yuan(fen: bigint): string {
  const cents = fen % 100n;
  return cents === 0n ? (fen / 100n).toString() : `${fen / 100n}.${cents.toString().padStart(2, '0')}`;
}
