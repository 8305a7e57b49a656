// Reading listings: one listing with its history and links, an organisation's own listings, and the
// bureau's review queue.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { UserActor } from '../../platform/auth/actor.ts';
import { authorize, BUREAU_ROLES, canSeeOrganisation } from '../../platform/auth/authorize.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { organisations } from '../../platform/schema.ts';
import type { ListingBody } from '../contracts.ts';
import { marketListings, marketListingTransitions, type ListingKind, type ListingStatus } from '../schema.ts';
import { loadVisibleListing, toListingBody } from './listing-rows.ts';

export async function getListing(db: Db, actor: UserActor | null, regionCode: string, id: string): Promise<ListingBody> {
  const row = await loadVisibleListing(db, actor, regionCode, id);
  const owner = (await db.select({ name: organisations.name }).from(organisations)
    .where(and(eq(organisations.regionCode, row.regionCode), eq(organisations.id, row.ownerOrgId))).limit(1))[0];
  const insider = actor !== null && canSeeOrganisation(actor, { regionCode, organisationId: row.ownerOrgId });
  const body = toListingBody(row, owner?.name ?? null);
  if (insider) {
    const history = await db.select().from(marketListingTransitions)
      .where(and(eq(marketListingTransitions.regionCode, regionCode), eq(marketListingTransitions.listingId, id))).orderBy(asc(marketListingTransitions.seq));
    body.history = history.map((h) => ({ seq: h.seq, fromStatus: h.fromStatus, toStatus: h.toStatus, reason: h.reason, at: h.at.toISOString() }));
    const links = await db.execute<{ linked_listing_id: string; title: string | null; note: string | null }>(sql`
      SELECT l.linked_listing_id, m.title, l.note FROM market_listing_links l
      LEFT JOIN market_listings m ON m.region_code = l.region_code AND m.id = l.linked_listing_id
      WHERE l.region_code = ${regionCode} AND l.listing_id = ${id}`);
    body.links = links.rows.map((l) => ({ linkedListingId: l.linked_listing_id, title: l.title, note: l.note }));
  }
  return body;
}

/** The actor's organisation's listings ("my listings" / "my demands"), newest first. */
export async function listOwnListings(db: Db, actor: UserActor, filter: { kind?: ListingKind; status?: ListingStatus }): Promise<{ items: ListingBody[]; total: number }> {
  if (!actor.organisation) throw new DomainError('no_organisation', null, { zh: '当前账号不属于任何机构', en: 'Your account belongs to no organisation' }, 409);
  const conditions: SQL[] = [eq(marketListings.regionCode, actor.regionCode), eq(marketListings.ownerOrgId, actor.organisation.id)];
  if (filter.kind) conditions.push(eq(marketListings.kind, filter.kind));
  if (filter.status) conditions.push(eq(marketListings.status, filter.status));
  const rows = await db.select().from(marketListings).where(and(...conditions)).orderBy(desc(marketListings.updatedAt), asc(marketListings.id)).limit(500);
  return { items: rows.map((r) => toListingBody(r, actor.organisation!.name)), total: rows.length };
}

/** Submissions waiting for the bureau, oldest first. */
export async function listReviewQueue(db: Db, actor: UserActor): Promise<{ items: ListingBody[]; total: number }> {
  authorize(actor, { roles: BUREAU_ROLES, region: actor.regionCode });
  const rows = await db.select({ l: marketListings, ownerName: organisations.name }).from(marketListings)
    .leftJoin(organisations, and(eq(organisations.regionCode, marketListings.regionCode), eq(organisations.id, marketListings.ownerOrgId)))
    .where(and(eq(marketListings.regionCode, actor.regionCode), inArray(marketListings.status, ['submitted'])))
    .orderBy(asc(marketListings.updatedAt)).limit(500);
  return { items: rows.map((r) => toListingBody(r.l, r.ownerName)), total: rows.length };
}

