// Moves a listing through its workflow (submit, publish, reject, withdraw, close), records the step with
// its reason, keeps the search statistics in line with what is published, and announces publications.
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../platform/auth/actor.ts';
import { canSeeOrganisation, isBureau } from '../../platform/auth/authorize.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ListingBody } from '../contracts.ts';
import { FEED_CHANNEL } from '../feed/feed-channel.ts';
import { marketListings, marketListingTransitions } from '../schema.ts';
import { adjustCorpus, storedTerms } from '../search/search-columns.ts';
import { loadVisibleListing, nextTransitionSeq, toListingBody } from './listing-rows.ts';
import { checkTransition, type ListingAction } from './listing-workflow.ts';
import { validateForSubmission } from './validate-listing.ts';

const MESSAGES = {
  forbidden: { zh: '无权执行此操作', en: 'You are not allowed to do this' },
  invalid_transition: { zh: '当前状态下不能执行此操作', en: 'This action is not possible in the listing’s current status' },
  reason_required: { zh: '请填写原因', en: 'Give a reason' },
} as const;

export async function changeListingStatus(
  db: Db, actor: UserActor, regionCode: string, id: string, action: ListingAction, reason: string | undefined, requestId?: string,
): Promise<ListingBody> {
  return db.transaction(async (tx) => {
    const before = await loadVisibleListing(tx, actor, regionCode, id, true);
    const owner = !isBureau(actor) && canSeeOrganisation(actor, { regionCode, organisationId: before.ownerOrgId });
    const bureau = isBureau(actor) && canSeeOrganisation(actor, { regionCode, organisationId: before.ownerOrgId });
    const check = checkTransition(action, before.status, { owner, bureau }, reason);
    if (!check.ok) throw new DomainError(check.code, check.code === 'reason_required' ? 'reason' : 'action', MESSAGES[check.code], check.code === 'forbidden' ? 403 : 409);
    if (action === 'submit') validateForSubmission({ ...before, priceFen: before.priceFen?.toString() ?? null, budgetMinFen: null, budgetMaxFen: null });
    const now = new Date();
    const updated = await tx.update(marketListings).set({
      status: check.to, statusReason: reason?.trim() || null, updatedAt: now,
      ...(check.to === 'published' ? { publishedAt: now } : {}),
    }).where(and(eq(marketListings.regionCode, regionCode), eq(marketListings.id, id))).returning();
    const row = updated[0]!;
    if (check.to === 'published' || before.status === 'published') {
      const doc = await storedTerms(tx, regionCode, id);
      if (doc) await adjustCorpus(tx, regionCode, [doc], check.to === 'published' ? 1 : -1);
    }
    await tx.insert(marketListingTransitions).values({
      regionCode, listingId: id, seq: await nextTransitionSeq(tx, regionCode, id), fromStatus: before.status, toStatus: check.to,
      reason: reason?.trim() || null, actorUserId: actor.userId, at: now,
    });
    await appendAudit(tx, auditActorOf(actor, requestId), {
      regionCode, action: `market.listing_${action}`, entityType: 'market_listing', entityId: id,
      before: { status: before.status }, after: { status: check.to, reason: reason ?? null },
    });
    if (check.to === 'published') {
      // Delivered at commit, so the live feed never announces a publication that rolled back.
      await tx.execute(sql`SELECT pg_notify(${FEED_CHANNEL}, ${JSON.stringify({ regionCode, id, kind: row.kind, title: row.title, field: row.field, publishedAt: now.toISOString() })})`);
    }
    return toListingBody(row);
  });
}
