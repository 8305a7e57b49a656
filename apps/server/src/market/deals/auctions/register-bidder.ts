// 竞买登记: an organisation registers for a lot and its deposit is recorded (the reference of the transfer,
// not a payment integration). It gets the next paddle number (竞买号), under which its bids are published.
import { sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/database/open-database.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { actingOrganisation } from '../deal-lookups.ts';
import { auctionBidders } from '../schema.ts';
import { auctionPhase } from './auction-rules.ts';
import { lockLot } from './lock-lot.ts';

export type RegisterBidderInput = { lotId: string; depositReference: string };

export async function registerBidder(db: Db, actor: UserActor, input: RegisterBidderInput, now: Date, requestId?: string): Promise<{ bidderNo: number; depositFen: bigint }> {
  const org = actingOrganisation(actor);
  return db.transaction(async (tx) => {
    const lot = await lockLot(tx, input.lotId);
    const phase = auctionPhase(lot, now);
    if (lot.status !== 'active' || phase === 'closed' || phase === 'cancelled') {
      throw new DomainError('auction_closed', null, { zh: '竞价已结束，不能报名', en: 'Bidding has closed; registration is over' }, 409);
    }
    if (lot.sellerOrganisationId === org.id) {
      throw new DomainError('own_lot', null, { zh: '不能报名竞买本机构挂牌的标的', en: 'You cannot register to bid on your own lot' }, 409);
    }
    const existing = await tx.execute<{ bidder_no: number; deposit_fen: string }>(sql`
      SELECT bidder_no, deposit_fen FROM market_auction_bidders WHERE region_code = ${lot.regionCode} AND lot_id = ${lot.id} AND org_id = ${org.id}`);
    const already = existing.rows[0];
    if (already) return { bidderNo: already.bidder_no, depositFen: BigInt(already.deposit_fen) };
    const bidderNo = lot.bidderCount + 1;
    await tx.insert(auctionBidders).values({
      regionCode: lot.regionCode, lotId: lot.id, orgId: org.id, bidderNo, userId: actor.userId, depositFen: lot.depositFen,
      depositReference: input.depositReference, registeredAt: now,
    });
    await tx.execute(sql`UPDATE market_auction_lots SET bidder_count = ${bidderNo} WHERE region_code = ${lot.regionCode} AND id = ${lot.id}`);
    await appendAudit(tx, auditActorOf(actor, requestId), {
      regionCode: lot.regionCode, action: 'market.auction_bidder_registered', entityType: 'market_auction_lot', entityId: lot.id,
      after: { orgId: org.id, bidderNo, depositFen: lot.depositFen, depositReference: input.depositReference },
    });
    return { bidderNo, depositFen: lot.depositFen };
  });
}
