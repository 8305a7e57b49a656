// 一键购买: a buyer takes an achievement at its asking price. Order, deal and contract draft are written
// together, so a purchase never exists without its contract draft.
import crypto from 'node:crypto';
import { appendAudit } from '../../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/database/open-database.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { actingOrganisation, findPublishedAchievement } from '../deal-lookups.ts';
import { openDeal } from '../open-deal.ts';
import { marketOrders } from '../schema.ts';

export type BuyResult = { orderId: string; dealId: string; contractId: string; priceFen: bigint };

export async function buyListing(db: Db, actor: UserActor, input: { listingRegionCode: string; listingId: string }, now: Date, requestId?: string): Promise<BuyResult> {
  const org = actingOrganisation(actor);
  return db.transaction(async (tx) => {
    const listing = await findPublishedAchievement(tx, input.listingRegionCode, input.listingId);
    if (listing.ownerOrgId === org.id) throw new DomainError('own_listing', 'listingId', { zh: '不能购买本机构的成果', en: 'You cannot buy your own achievement' }, 409);
    if (listing.priceFen === null) {
      throw new DomainError('price_negotiable', 'listingId', { zh: '该成果价格面议，请发起议价', en: 'This achievement\'s price is negotiable; make an offer instead' }, 409);
    }
    const orderId = crypto.randomUUID();
    await tx.insert(marketOrders).values({
      regionCode: listing.regionCode, id: orderId, listingRegionCode: listing.regionCode, listingId: listing.id, buyerOrgId: org.id,
      sellerOrgId: listing.ownerOrgId, title: listing.title, priceFen: listing.priceFen, createdBy: actor.userId, createdAt: now,
    });
    const audit = auditActorOf(actor, requestId);
    await appendAudit(tx, audit, { regionCode: listing.regionCode, action: 'market.order_placed', entityType: 'market_order', entityId: orderId, after: { listingId: listing.id, priceFen: listing.priceFen } });
    const deal = await openDeal(tx, audit, {
      regionCode: listing.regionCode, origin: 'fixed_price', originId: orderId, listing, sellerOrgId: listing.ownerOrgId,
      buyerRegionCode: actor.regionCode, buyerOrgId: org.id, priceFen: listing.priceFen, now,
    });
    return { orderId, ...deal, priceFen: listing.priceFen };
  });
}
