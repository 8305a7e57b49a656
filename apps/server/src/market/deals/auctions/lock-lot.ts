// Bids, registrations and settlement of one lot serialise on the lot's row lock (SELECT … FOR UPDATE):
// whoever holds it sees the true current price, so no two bids can both be "the next highest".
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/audit/append-audit.ts';
import { notFound } from '../../../platform/errors/domain-error.ts';
import type { LotTerms } from './auction-rules.ts';

export type LockedLot = LotTerms & {
  regionCode: string; id: string; status: 'active' | 'settled' | 'cancelled'; currentFen: bigint | null; bidCount: number;
  bidderCount: number; depositFen: bigint; headHash: string | null; listingRegionCode: string; listingId: string; title: string; field: string;
};

type LotRow = {
  region_code: string; id: string; seller_org_id: string; starts_at: Date; ends_at: Date; start_price_fen: string; reserve_fen: string;
  increment_fen: string; deposit_fen: string; extension_window_ms: number; extension_ms: number; status: LockedLot['status'];
  current_fen: string | null; bid_count: number; bidder_count: number; head_hash: string | null; listing_region_code: string;
  listing_id: string; title: string; field: string;
};

export async function lockLot(tx: Tx, lotId: string, regionCode?: string): Promise<LockedLot> {
  const { rows } = await tx.execute<LotRow>(sql`
    SELECT * FROM market_auction_lots WHERE id = ${lotId} ${regionCode ? sql`AND region_code = ${regionCode}` : sql``} FOR UPDATE`);
  const row = rows[0];
  if (!row) throw notFound({ zh: '竞价标的', en: 'Auction lot' });
  return toLockedLot(row);
}

export function toLockedLot(row: LotRow): LockedLot {
  return {
    regionCode: row.region_code, id: row.id, sellerOrganisationId: row.seller_org_id, startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at),
    startPriceFen: BigInt(row.start_price_fen), reserveFen: BigInt(row.reserve_fen), incrementFen: BigInt(row.increment_fen),
    depositFen: BigInt(row.deposit_fen), extensionWindowMs: row.extension_window_ms, extensionMs: row.extension_ms,
    cancelled: row.status === 'cancelled', status: row.status, currentFen: row.current_fen === null ? null : BigInt(row.current_fen),
    bidCount: row.bid_count, bidderCount: row.bidder_count, headHash: row.head_hash, listingRegionCode: row.listing_region_code,
    listingId: row.listing_id, title: row.title, field: row.field,
  };
}
