// The bureau's housekeeping on a lot: cancel it before the first bid (every deposit is then due back), and
// record that a deposit due back has been paid back.
import { sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../../platform/auth/actor.ts';
import { authorize, BUREAU_ROLES } from '../../../platform/auth/authorize.ts';
import type { Db } from '../../../platform/database/open-database.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { lockLot } from './lock-lot.ts';

export async function cancelLot(db: Db, actor: UserActor, lotId: string, reason: string, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const lot = await lockLot(tx, lotId);
    authorize(actor, { roles: BUREAU_ROLES, region: lot.regionCode });
    if (lot.status !== 'active' || lot.bidCount > 0) {
      throw new DomainError('lot_not_cancellable', null, { zh: '已有出价或已结束的竞价不能撤销', en: 'A lot with bids, or already closed, cannot be cancelled' }, 409);
    }
    await tx.execute(sql`UPDATE market_auction_lots SET status = 'cancelled' WHERE region_code = ${lot.regionCode} AND id = ${lot.id}`);
    await tx.execute(sql`UPDATE market_auction_bidders SET deposit_status = 'refund_due' WHERE region_code = ${lot.regionCode} AND lot_id = ${lot.id} AND deposit_status = 'held'`);
    await appendAudit(tx, auditActorOf(actor, requestId), { regionCode: lot.regionCode, action: 'market.auction_cancelled', entityType: 'market_auction_lot', entityId: lot.id, after: { reason } });
  });
}

export async function markDepositRefunded(db: Db, actor: UserActor, lotId: string, bidderNo: number, refundReference: string, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const lot = await lockLot(tx, lotId);
    authorize(actor, { roles: BUREAU_ROLES, region: lot.regionCode });
    const { rows } = await tx.execute<{ org_id: string }>(sql`
      UPDATE market_auction_bidders SET deposit_status = 'refunded'
      WHERE region_code = ${lot.regionCode} AND lot_id = ${lot.id} AND bidder_no = ${bidderNo} AND deposit_status = 'refund_due' RETURNING org_id`);
    if (!rows[0]) {
      throw new DomainError('deposit_not_refundable', 'bidderNo', { zh: '该竞买人的保证金不在待退还状态', en: 'This bidder\'s deposit is not due for refund' }, 409);
    }
    await appendAudit(tx, auditActorOf(actor, requestId), {
      regionCode: lot.regionCode, action: 'market.deposit_refunded', entityType: 'market_auction_lot', entityId: lot.id, after: { bidderNo, orgId: rows[0].org_id, refundReference },
    });
  });
}
