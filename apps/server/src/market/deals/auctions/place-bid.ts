// One bid: lock the lot, let the pure rules judge, record the bid as the next link of the lot's chain, move
// the price (and the close, for a late bid), audit — all in one transaction. Concurrent bids on one lot
// queue on the lot's row lock, so each is judged against the true current price and none is lost.
import { sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/database/open-database.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { actingOrganisation } from '../deal-lookups.ts';
import { judgeBid } from './auction-rules.ts';
import { BID_CHAIN_GENESIS, chainBid } from './bid-chain.ts';
import { lockLot } from './lock-lot.ts';

export type PlaceBidInput = { lotId: string; amountFen: bigint };

export type AcceptedBid = { lotId: string; regionCode: string; seq: number; bidderNo: number; amountFen: bigint; placedAt: string; endsAt: Date; extended: boolean; hash: string };

export async function placeBid(db: Db, actor: UserActor, input: PlaceBidInput, now: Date, requestId?: string): Promise<AcceptedBid> {
  const org = actingOrganisation(actor);
  return db.transaction(async (tx) => {
    const lot = await lockLot(tx, input.lotId);
    const reg = await tx.execute<{ bidder_no: number }>(sql`
      SELECT bidder_no FROM market_auction_bidders WHERE region_code = ${lot.regionCode} AND lot_id = ${lot.id} AND org_id = ${org.id} AND deposit_status = 'held'`);
    const bidderNo = reg.rows[0]?.bidder_no;
    const decision = judgeBid(
      lot,
      { currentFen: lot.currentFen },
      { bidderOrganisationId: org.id, registered: bidderNo !== undefined, amountFen: input.amountFen },
      now,
    );
    if (!decision.ok) throw new DomainError(decision.code, decision.field, decision.message, decision.code === 'bidder_not_registered' || decision.code === 'own_lot' ? 403 : 409);
    const seq = lot.bidCount + 1;
    const placedAt = now.toISOString();
    const link = chainBid(lot.headHash ?? BID_CHAIN_GENESIS, { lotId: lot.id, seq, bidderNo: bidderNo!, amountFen: input.amountFen.toString(), placedAt });
    await tx.execute(sql`
      WITH bid AS (
        INSERT INTO market_auction_bids (region_code, lot_id, seq, bidder_no, org_id, user_id, amount_fen, placed_at, prev_hash, hash)
        VALUES (${lot.regionCode}, ${lot.id}, ${seq}, ${bidderNo}, ${org.id}, ${actor.userId}, ${input.amountFen.toString()}, ${placedAt}, ${link.prevHash}, ${link.hash})
      )
      UPDATE market_auction_lots SET current_fen = ${input.amountFen.toString()}, bid_count = ${seq}, head_hash = ${link.hash}, ends_at = ${decision.newEndsAt.toISOString()}
      WHERE region_code = ${lot.regionCode} AND id = ${lot.id}`);
    await appendAudit(tx, auditActorOf(actor, requestId), {
      regionCode: lot.regionCode, action: 'market.bid_placed', entityType: 'market_auction_lot', entityId: lot.id,
      after: { seq, bidderNo, amountFen: input.amountFen, hash: link.hash, endsAt: decision.newEndsAt },
    });
    return { lotId: lot.id, regionCode: lot.regionCode, seq, bidderNo: bidderNo!, amountFen: input.amountFen, placedAt, endsAt: decision.newEndsAt, extended: decision.extended, hash: link.hash };
  });
}
