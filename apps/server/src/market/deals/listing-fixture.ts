// A published achievement for tests and the demo when the listings module has none to offer: the minimal
// row of market_listings (see ../schema.ts), written as its columns are defined there.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';

export type FixtureListing = { regionCode: string; ownerOrgId: string; title: string; field: string; priceFen: bigint | null; transferModes?: string[] };

export async function insertPublishedAchievement(db: Db, listing: FixtureListing): Promise<string> {
  const id = crypto.randomUUID();
  await db.execute(sql`
    INSERT INTO market_listings (region_code, id, kind, owner_org_id, title, summary, field, price_fen, transfer_modes, status, search_vector, published_at)
    VALUES (${listing.regionCode}, ${id}, 'achievement', ${listing.ownerOrgId}, ${listing.title}, ${listing.title}, ${listing.field},
            ${listing.priceFen === null ? null : listing.priceFen.toString()}, ${sql.raw(`ARRAY[${(listing.transferModes ?? ['transfer']).map((m) => `'${m.replace(/'/g, '')}'`).join(',')}]::text[]`)},
            'published', to_tsvector('simple', ${listing.title}), now())`);
  return id;
}
