// After the close: the highest bid wins if it reaches the reserve; the lot publishes the head of its bid
// chain; the winner's deposit is applied to the price and every other deposit is marked for refund; a sale
// opens a deal with its contract draft. Idempotent: a settled lot is left as it is.
import { sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append-audit.ts';
import type { AuditActor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/database/open-database.ts';
import { openDeal } from '../open-deal.ts';
import { findPublishedAchievement } from '../deal-lookups.ts';
import { auctionPhase, settle, type Outcome } from './auction-rules.ts';
import { lockLot } from './lock-lot.ts';

export type Settlement = { lotId: string; settled: boolean; outcome: Outcome | null; contractId: string | null };

export async function settleAuction(db: Db, actor: AuditActor, lotId: string, now: Date): Promise<Settlement> {
  return db.transaction(async (tx) => {
    const lot = await lockLot(tx, lotId);
    if (lot.status !== 'active' || auctionPhase(lot, now) !== 'closed') return { lotId, settled: false, outcome: null, contractId: null };
    const bids = await tx.execute<{ seq: number; amount_fen: string; org_id: string }>(sql`
      SELECT seq, amount_fen, org_id FROM market_auction_bids WHERE region_code = ${lot.regionCode} AND lot_id = ${lot.id} ORDER BY seq`);
    const outcome = settle(lot, bids.rows.map((b) => ({ seq: b.seq, amountFen: BigInt(b.amount_fen) })));
    const winnerOrgId = outcome.sold ? bids.rows.find((b) => b.seq === outcome.winningBidSeq)!.org_id : null;
    await tx.execute(sql`
      UPDATE market_auction_lots SET status = 'settled', settled_at = ${now.toISOString()},
        outcome = ${outcome.sold ? 'sold' : outcome.reason}, winner_org_id = ${winnerOrgId}, winning_bid_seq = ${outcome.sold ? outcome.winningBidSeq : null}
      WHERE region_code = ${lot.regionCode} AND id = ${lot.id}`);
    await tx.execute(sql`
      UPDATE market_auction_bidders SET deposit_status = CASE WHEN org_id = ${winnerOrgId} THEN 'applied' ELSE 'refund_due' END
      WHERE region_code = ${lot.regionCode} AND lot_id = ${lot.id} AND deposit_status = 'held'`);
    let contractId: string | null = null;
    if (outcome.sold && winnerOrgId) {
      const listing = await findPublishedAchievement(tx, lot.listingRegionCode, lot.listingId).catch(() => null);
      const buyer = await tx.execute<{ region_code: string }>(sql`SELECT region_code FROM organisations WHERE id = ${winnerOrgId} LIMIT 1`);
      ({ contractId } = await openDeal(tx, actor, {
        regionCode: lot.regionCode, origin: 'auction', originId: lot.id,
        listing: { regionCode: lot.listingRegionCode, id: lot.listingId, title: lot.title, field: lot.field, transferModes: listing?.transferModes ?? [] },
        sellerOrgId: lot.sellerOrganisationId, buyerRegionCode: buyer.rows[0]?.region_code ?? lot.regionCode, buyerOrgId: winnerOrgId,
        priceFen: outcome.priceFen, now,
      }));
    }
    await appendAudit(tx, actor, {
      regionCode: lot.regionCode, action: 'market.auction_settled', entityType: 'market_auction_lot', entityId: lot.id,
      after: { outcome: outcome.sold ? 'sold' : outcome.reason, priceFen: outcome.sold ? outcome.priceFen : null, winnerOrgId, headHash: lot.headHash, bids: lot.bidCount, contractId },
    });
    return { lotId, settled: true, outcome, contractId };
  });
}

/** Lots whose close has passed but which nobody has settled yet (the sweeper's work list). */
export async function dueLots(db: Db, now: Date): Promise<string[]> {
  const { rows } = await db.execute<{ id: string }>(sql`
    SELECT id FROM market_auction_lots WHERE status = 'active' AND ends_at <= ${now.toISOString()} ORDER BY ends_at LIMIT 100`);
  return rows.map((r) => r.id);
}
