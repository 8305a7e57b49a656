// The owner of a draft links it to an existing similar item instead of submitting a duplicate: the link is
// kept and the draft is closed with that reason.
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ListingBody } from '../contracts.ts';
import { marketListingLinks, marketListings, marketListingTransitions } from '../schema.ts';
import { LISTING_WRITER_ROLES } from './create-listing.ts';
import { loadVisibleListing, nextTransitionSeq, toListingBody } from './listing-rows.ts';

export async function linkListing(db: Db, actor: UserActor, regionCode: string, id: string, linkedId: string, note: string | undefined, requestId?: string): Promise<ListingBody> {
  return db.transaction(async (tx) => {
    const draft = await loadVisibleListing(tx, actor, regionCode, id, true);
    authorize(actor, { roles: LISTING_WRITER_ROLES, organisation: { regionCode, organisationId: draft.ownerOrgId } });
    if (draft.status !== 'draft') throw new DomainError('not_a_draft', 'status', { zh: '只有草稿可以关联到已有条目', en: 'Only a draft can be linked to an existing item' }, 409);
    if (linkedId === id) throw new DomainError('link_to_self', 'linkedListingId', { zh: '不能关联到自身', en: 'A listing cannot link to itself' });
    const target = await loadVisibleListing(tx, actor, regionCode, linkedId);
    if (target.kind !== draft.kind) throw new DomainError('link_kind_mismatch', 'linkedListingId', { zh: '只能关联同类条目', en: 'Link to an item of the same kind' });
    const reason = `关联到已有条目 ${target.title} / linked to an existing item`;
    const now = new Date();
    await tx.insert(marketListingLinks).values({ regionCode, listingId: id, linkedListingId: linkedId, note: note ?? null, createdBy: actor.userId, createdAt: now }).onConflictDoNothing();
    const row = (await tx.update(marketListings).set({ status: 'closed', statusReason: reason, updatedAt: now })
      .where(and(eq(marketListings.regionCode, regionCode), eq(marketListings.id, id))).returning())[0]!;
    await tx.insert(marketListingTransitions).values({ regionCode, listingId: id, seq: await nextTransitionSeq(tx, regionCode, id), fromStatus: 'draft', toStatus: 'closed', reason, actorUserId: actor.userId, at: now });
    await appendAudit(tx, auditActorOf(actor, requestId), { regionCode, action: 'market.listing_linked', entityType: 'market_listing', entityId: id, after: { linkedListingId: linkedId, note: note ?? null } });
    return toListingBody(row);
  });
}
