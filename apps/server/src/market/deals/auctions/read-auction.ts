// What anyone may see of a lot: terms, live price, countdown and the bid log by paddle number. The reserve
// stays hidden (only whether it is met) until the close; the chain head is published at settlement.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/database/open-database.ts';
import { notFound } from '../../../platform/errors/domain-error.ts';
import { auctionPhase, minimumNextBid, type AuctionPhase } from './auction-rules.ts';
import type { ChainedBid } from './bid-chain.ts';
import { toLockedLot } from './lock-lot.ts';

export type LotView = {
  id: string; regionCode: string; listingRegionCode: string; listingId: string; title: string; field: string; sellerName: string;
  phase: AuctionPhase; status: string; startsAt: string; endsAt: string; scheduledEndsAt: string; serverNow: string;
  startPriceFen: string; incrementFen: string; depositFen: string; reserveFen: string | null; reserveMet: boolean;
  extensionWindowSeconds: number; extensionSeconds: number; currentFen: string | null; minimumNextBidFen: string;
  bidCount: number; bidderCount: number; outcome: string | null; winnerBidderNo: number | null; headHash: string | null;
  isSeller: boolean; myBidderNo: number | null; myDepositStatus: string | null; iWon: boolean; contractId: string | null;
};

type Row = Parameters<typeof toLockedLot>[0] & {
  scheduled_ends_at: Date; outcome: string | null; winner_org_id: string | null; winning_bid_seq: number | null; seller_name: string | null;
};

export async function getLot(db: Db, actor: Actor, lotId: string, now: Date): Promise<LotView> {
  const { rows } = await db.execute<Row>(sql`
    SELECT l.*, o.name AS seller_name FROM market_auction_lots l
    LEFT JOIN organisations o ON o.region_code = l.listing_region_code AND o.id = l.seller_org_id
    WHERE l.id = ${lotId}`);
  const row = rows[0];
  if (!row) throw notFound({ zh: '竞价标的', en: 'Auction lot' });
  return viewOf(db, row, actor, now);
}

export async function listLots(db: Db, actor: Actor, now: Date, regionCode?: string): Promise<LotView[]> {
  const { rows } = await db.execute<Row>(sql`
    SELECT l.*, o.name AS seller_name FROM market_auction_lots l
    LEFT JOIN organisations o ON o.region_code = l.listing_region_code AND o.id = l.seller_org_id
    WHERE l.status <> 'cancelled' ${regionCode ? sql`AND l.region_code = ${regionCode}` : sql``}
    ORDER BY (l.status = 'active') DESC, l.ends_at DESC LIMIT 100`);
  return Promise.all(rows.map((row) => viewOf(db, row, actor, now)));
}

async function viewOf(db: Db, row: Row, actor: Actor, now: Date): Promise<LotView> {
  const lot = toLockedLot(row);
  const orgId = actor.kind === 'user' ? actor.organisation?.id ?? null : null;
  let mine: { bidder_no: number; deposit_status: string } | undefined;
  let contractId: string | null = null;
  if (orgId) {
    mine = (await db.execute<{ bidder_no: number; deposit_status: string }>(sql`
      SELECT bidder_no, deposit_status FROM market_auction_bidders WHERE region_code = ${lot.regionCode} AND lot_id = ${lot.id} AND org_id = ${orgId}`)).rows[0];
  }
  const iWon = orgId !== null && row.winner_org_id === orgId;
  if (row.outcome === 'sold' && (iWon || orgId === lot.sellerOrganisationId)) {
    contractId = (await db.execute<{ id: string }>(sql`
      SELECT c.id FROM market_tech_contracts c JOIN market_deals d ON d.region_code = c.region_code AND d.id = c.deal_id
      WHERE d.region_code = ${lot.regionCode} AND d.origin = 'auction' AND d.origin_id = ${lot.id}`)).rows[0]?.id ?? null;
  }
  const winnerBidderNo = row.winning_bid_seq === null ? null : (await db.execute<{ bidder_no: number }>(sql`
    SELECT bidder_no FROM market_auction_bids WHERE region_code = ${lot.regionCode} AND lot_id = ${lot.id} AND seq = ${row.winning_bid_seq}`)).rows[0]?.bidder_no ?? null;
  const settled = lot.status === 'settled';
  return {
    id: lot.id, regionCode: lot.regionCode, listingRegionCode: lot.listingRegionCode, listingId: lot.listingId, title: lot.title, field: lot.field,
    sellerName: row.seller_name ?? '', phase: auctionPhase(lot, now), status: lot.status, startsAt: lot.startsAt.toISOString(), endsAt: lot.endsAt.toISOString(),
    scheduledEndsAt: new Date(row.scheduled_ends_at).toISOString(), serverNow: now.toISOString(),
    startPriceFen: lot.startPriceFen.toString(), incrementFen: lot.incrementFen.toString(), depositFen: lot.depositFen.toString(),
    reserveFen: settled ? lot.reserveFen.toString() : null, reserveMet: lot.currentFen !== null && lot.currentFen >= lot.reserveFen,
    extensionWindowSeconds: lot.extensionWindowMs / 1000, extensionSeconds: lot.extensionMs / 1000,
    currentFen: lot.currentFen?.toString() ?? null, minimumNextBidFen: minimumNextBid(lot, { currentFen: lot.currentFen }).toString(),
    bidCount: lot.bidCount, bidderCount: lot.bidderCount, outcome: row.outcome, winnerBidderNo, headHash: settled ? lot.headHash : null,
    isSeller: orgId === lot.sellerOrganisationId, myBidderNo: mine?.bidder_no ?? null, myDepositStatus: mine?.deposit_status ?? null, iWon, contractId,
  };
}

export async function getBidLog(db: Db, lotId: string): Promise<{ lotId: string; headHash: string | null; settled: boolean; bids: ChainedBid[] }> {
  const lot = (await db.execute<{ head_hash: string | null; status: string }>(sql`SELECT head_hash, status FROM market_auction_lots WHERE id = ${lotId}`)).rows[0];
  if (!lot) throw notFound({ zh: '竞价标的', en: 'Auction lot' });
  const { rows } = await db.execute<{ seq: number; bidder_no: number; amount_fen: string; placed_at: string; prev_hash: string; hash: string }>(sql`
    SELECT seq, bidder_no, amount_fen, placed_at, prev_hash, hash FROM market_auction_bids WHERE lot_id = ${lotId} ORDER BY seq`);
  const settled = lot.status === 'settled';
  return {
    lotId, settled, headHash: settled ? lot.head_hash : null,
    bids: rows.map((r) => ({ lotId, seq: r.seq, bidderNo: r.bidder_no, amountFen: String(r.amount_fen), placedAt: r.placed_at, prevHash: r.prev_hash, hash: r.hash })),
  };
}
