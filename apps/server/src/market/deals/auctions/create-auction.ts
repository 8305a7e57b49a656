// The owner of a published achievement (or the bureau on its behalf) puts it up for timed public bidding.
import crypto from 'node:crypto';
import { appendAudit } from '../../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../../platform/auth/actor.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import type { Db } from '../../../platform/database/open-database.ts';
import { DomainError } from '../../../platform/errors/domain-error.ts';
import { findPublishedAchievement } from '../deal-lookups.ts';
import { auctionLots } from '../schema.ts';
import { checkTerms } from './auction-rules.ts';

export type CreateAuctionInput = {
  listingRegionCode: string; listingId: string; startsAt: Date; endsAt: Date;
  startPriceFen: bigint; reserveFen: bigint; incrementFen: bigint; depositFen: bigint;
  extensionWindowSeconds: number; extensionSeconds: number;
};

export async function createAuction(db: Db, actor: UserActor, input: CreateAuctionInput, now: Date, requestId?: string): Promise<{ id: string }> {
  const listing = await findPublishedAchievement(db, input.listingRegionCode, input.listingId);
  authorize(actor, { roles: 'authenticated', organisation: { regionCode: listing.regionCode, organisationId: listing.ownerOrgId } });
  const terms = {
    startsAt: input.startsAt, endsAt: input.endsAt, startPriceFen: input.startPriceFen, reserveFen: input.reserveFen,
    incrementFen: input.incrementFen, depositFen: input.depositFen,
    extensionWindowMs: input.extensionWindowSeconds * 1000, extensionMs: input.extensionSeconds * 1000,
  };
  const problem = checkTerms(terms, now);
  if (problem) throw new DomainError('auction_terms_invalid', problem.field, problem.message);
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(auctionLots).values({
      regionCode: listing.regionCode, id, listingRegionCode: listing.regionCode, listingId: listing.id, sellerOrgId: listing.ownerOrgId,
      title: listing.title, field: listing.field, ...terms, scheduledEndsAt: terms.endsAt, createdBy: actor.userId, createdAt: now,
    });
    await appendAudit(tx, auditActorOf(actor, requestId), {
      regionCode: listing.regionCode, action: 'market.auction_created', entityType: 'market_auction_lot', entityId: id,
      after: { listingId: listing.id, ...terms },
    });
  });
  return { id };
}
