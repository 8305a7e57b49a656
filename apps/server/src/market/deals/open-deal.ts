// Every route to a deal — fixed price, accepted offer, won auction — ends here: one deal row and its contract
// draft, in the caller's transaction. The unique keys make a deal count once: one per origin record and one
// per (listing, buyer), and one contract per deal.
import crypto from 'node:crypto';
import type { Tx } from '../../platform/audit/append-audit.ts';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import type { AuditActor } from '../../platform/auth/actor.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { isUniqueViolation, partyOf } from './deal-lookups.ts';
import { marketDeals, techContracts, type DealOrigin } from './schema.ts';

export type NewDeal = {
  regionCode: string; origin: DealOrigin; originId: string;
  listing: { regionCode: string; id: string; title: string; field: string; transferModes: readonly string[] };
  sellerOrgId: string; buyerRegionCode: string; buyerOrgId: string; priceFen: bigint; now: Date;
};

export async function openDeal(tx: Tx, actor: AuditActor, deal: NewDeal): Promise<{ dealId: string; contractId: string }> {
  const dealId = crypto.randomUUID();
  const contractId = crypto.randomUUID();
  const [seller, buyer] = await Promise.all([partyOf(tx, deal.listing.regionCode, deal.sellerOrgId), partyOf(tx, deal.buyerRegionCode, deal.buyerOrgId)]);
  try {
    // A savepoint, so a duplicate is reported as such and the caller's transaction stays usable for the error.
    await tx.transaction(async (sp) => {
      await sp.insert(marketDeals).values({
        regionCode: deal.regionCode, id: dealId, origin: deal.origin, originId: deal.originId,
        listingRegionCode: deal.listing.regionCode, listingId: deal.listing.id, buyerRegionCode: deal.buyerRegionCode,
        buyerOrgId: deal.buyerOrgId, sellerOrgId: deal.sellerOrgId, title: deal.listing.title, field: deal.listing.field,
        priceFen: deal.priceFen, createdAt: deal.now,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new DomainError('deal_exists', 'listingId', {
        zh: '该机构与此成果已有成交记录，同一笔交易只计一次', en: 'This organisation already has a deal for this achievement; a deal is counted once',
      }, 409);
    }
    throw err;
  }
  const licence = deal.listing.transferModes.includes('licence') && !deal.listing.transferModes.includes('transfer');
  await tx.insert(techContracts).values({
    regionCode: deal.regionCode, id: contractId, dealId, type: licence ? 'licence' : 'transfer', subtype: 'other',
    title: deal.listing.title, field: deal.listing.field, seller, sellerUscc: seller.uscc, sellerDistrictCode: seller.districtCode, buyer,
    totalFen: deal.priceFen, nonTechnicalFen: 0n, technologyFen: deal.priceFen, nonTechnicalCosts: [],
    payments: [{ dueOn: addDays(deal.now, 30), amountFen: deal.priceFen.toString() }],
    status: 'draft', ownerOrgId: deal.buyerOrgId, createdBy: actor.userId, createdAt: deal.now, updatedAt: deal.now,
  });
  await appendAudit(tx, actor, {
    regionCode: deal.regionCode, action: 'market.deal_opened', entityType: 'market_deal', entityId: dealId,
    after: { origin: deal.origin, originId: deal.originId, listingId: deal.listing.id, buyerOrgId: deal.buyerOrgId, priceFen: deal.priceFen, contractId },
  });
  return { dealId, contractId };
}

function addDays(d: Date, days: number): string {
  return new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
