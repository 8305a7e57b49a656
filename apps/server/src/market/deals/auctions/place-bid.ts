// Bids on one lot are judged one at a time against the true current price. Bids that arrive while the lot
// is busy wait in this process's queue for that lot and are then judged together, in arrival order, inside
// ONE transaction that holds the lot's row lock (SELECT … FOR UPDATE): the pure rules decide each bid
// against the running price, accepted bids are written as the next links of the lot's chain, and only after
// the commit does any bidder hear "accepted". A failed commit fails the whole batch, so no bid is ever
// reported accepted and then lost; several server processes still serialise on the row lock.
import { sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append-audit.ts';
import { SYSTEM_ACTOR, type UserActor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/database/open-database.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { actingOrganisation } from '../deal-lookups.ts';
import { judgeBid } from './auction-rules.ts';
import { BID_CHAIN_GENESIS, chainBid } from './bid-chain.ts';
import { lockLot } from './lock-lot.ts';

export type PlaceBidInput = { lotId: string; amountFen: bigint };

export type AcceptedBid = { lotId: string; regionCode: string; seq: number; bidderNo: number; amountFen: bigint; placedAt: string; endsAt: Date; extended: boolean; hash: string };

type PendingBid = {
  actor: UserActor; orgId: string; amountFen: bigint; now: Date; requestId: string | undefined;
  resolve: (bid: AcceptedBid) => void; reject: (err: unknown) => void;
};

/** At most this many bids are judged in one transaction; the rest wait for the next round. */
const MAX_BATCH = 1000;

const queues = new WeakMap<Db, Map<string, PendingBid[]>>();

/** `now` is the instant the bid arrived: bids are judged in arrival order, each at its own instant. */
export function placeBid(db: Db, actor: UserActor, input: PlaceBidInput, now: Date, requestId?: string): Promise<AcceptedBid> {
  const org = actingOrganisation(actor);
  let lots = queues.get(db);
  if (!lots) queues.set(db, (lots = new Map()));
  return new Promise<AcceptedBid>((resolve, reject) => {
    const pending: PendingBid = { actor, orgId: org.id, amountFen: input.amountFen, now, requestId, resolve, reject };
    const queue = lots.get(input.lotId);
    if (queue) {
      queue.push(pending); // a round for this lot is running; the next one takes this bid
      return;
    }
    lots.set(input.lotId, [pending]);
    void drain(db, lots, input.lotId);
  });
}

async function drain(db: Db, lots: Map<string, PendingBid[]>, lotId: string): Promise<void> {
  for (;;) {
    const queue = lots.get(lotId)!;
    if (queue.length === 0) {
      lots.delete(lotId);
      return;
    }
    const batch = queue.splice(0, MAX_BATCH);
    try {
      const outcomes = await judgeBatch(db, lotId, batch);
      outcomes.forEach((outcome, i) => (outcome instanceof Error ? batch[i]!.reject(outcome) : batch[i]!.resolve(outcome)));
    } catch (err) {
      for (const bid of batch) bid.reject(err);
    }
  }
}

async function judgeBatch(db: Db, lotId: string, batch: PendingBid[]): Promise<(AcceptedBid | DomainError)[]> {
  return db.transaction(async (tx) => {
    const lot = await lockLot(tx, lotId);
    const orgIds = [...new Set(batch.map((b) => b.orgId))];
    const regs = await tx.execute<{ org_id: string; bidder_no: number }>(sql`
      SELECT org_id, bidder_no FROM market_auction_bidders
      WHERE region_code = ${lot.regionCode} AND lot_id = ${lot.id} AND deposit_status = 'held' AND org_id = ANY(${`{${orgIds.join(',')}}`}::uuid[])`);
    const bidderNoOf = new Map(regs.rows.map((r) => [r.org_id, r.bidder_no]));
    let current = lot.currentFen;
    let endsAt = lot.endsAt;
    let head = lot.headHash ?? BID_CHAIN_GENESIS;
    let seq = lot.bidCount;
    const accepted: AcceptedBid[] = [];
    const rows: { seq: number; bidderNo: number; orgId: string; userId: string; requestId: string | null; amountFen: string; placedAt: string; prevHash: string; hash: string }[] = [];
    const outcomes = batch.map((bid): AcceptedBid | DomainError => {
      const bidderNo = bidderNoOf.get(bid.orgId);
      const decision = judgeBid({ ...lot, endsAt }, { currentFen: current }, { bidderOrganisationId: bid.orgId, registered: bidderNo !== undefined, amountFen: bid.amountFen }, bid.now);
      if (!decision.ok) {
        const status = decision.code === 'bidder_not_registered' || decision.code === 'own_lot' ? 403 : 409;
        return new DomainError(decision.code, decision.field, decision.message, status);
      }
      seq += 1;
      const placedAt = bid.now.toISOString();
      const link = chainBid(head, { lotId: lot.id, seq, bidderNo: bidderNo!, amountFen: bid.amountFen.toString(), placedAt });
      head = link.hash;
      current = bid.amountFen;
      endsAt = decision.newEndsAt;
      rows.push({ seq, bidderNo: bidderNo!, orgId: bid.orgId, userId: bid.actor.userId, requestId: bid.requestId ?? null, amountFen: bid.amountFen.toString(), placedAt, prevHash: link.prevHash, hash: link.hash });
      const result: AcceptedBid = { lotId: lot.id, regionCode: lot.regionCode, seq, bidderNo: bidderNo!, amountFen: bid.amountFen, placedAt, endsAt: decision.newEndsAt, extended: decision.extended, hash: link.hash };
      accepted.push(result);
      return result;
    });
    if (rows.length === 0) return outcomes;
    await tx.execute(sql`
      WITH bids AS (
        INSERT INTO market_auction_bids (region_code, lot_id, seq, bidder_no, org_id, user_id, amount_fen, placed_at, prev_hash, hash)
        SELECT ${lot.regionCode}, ${lot.id}::uuid, b.seq, b.bidder_no, b.org_id, b.user_id, b.amount_fen, b.placed_at, b.prev_hash, b.hash
        FROM jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ seq: r.seq, bidder_no: r.bidderNo, org_id: r.orgId, user_id: r.userId, amount_fen: r.amountFen, placed_at: r.placedAt, prev_hash: r.prevHash, hash: r.hash })))}::jsonb)
          AS b(seq int, bidder_no int, org_id uuid, user_id uuid, amount_fen bigint, placed_at text, prev_hash text, hash text)
      )
      UPDATE market_auction_lots SET current_fen = ${current!.toString()}, bid_count = ${seq}, head_hash = ${head}, ends_at = ${endsAt.toISOString()}
      WHERE region_code = ${lot.regionCode} AND id = ${lot.id}`);
    // One audit row per round: the bids themselves (with user and request ids) are the hash-chained record.
    await appendAudit(tx, SYSTEM_ACTOR, {
      regionCode: lot.regionCode, action: 'market.bids_placed', entityType: 'market_auction_lot', entityId: lot.id,
      after: {
        endsAt, headHash: head,
        bids: accepted.map((a, i) => ({ seq: a.seq, bidderNo: a.bidderNo, amountFen: a.amountFen, userId: rows[i]!.userId, requestId: rows[i]!.requestId })),
      },
    });
    return outcomes;
  });
}
