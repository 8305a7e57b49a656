// Creates a draft achievement or demand for the actor's organisation (or, for bureau staff, for any
// organisation of their region).
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../platform/auth/actor.ts';
import { authorize, isBureau } from '../../platform/auth/authorize.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { organisations } from '../../platform/schema.ts';
import type { CreateListingInput, ListingBody } from '../contracts.ts';
import { marketListings, marketListingTransitions } from '../schema.ts';
import { searchColumnsOf } from '../search/search-columns.ts';
import { auditView, toListingBody } from './listing-rows.ts';
import { validatePatents } from './patent-rules.ts';
import { validateListingContent } from './validate-listing.ts';

export const LISTING_WRITER_ROLES = ['enterprise_user', 'provider_user', 'bureau_admin', 'bureau_staff'] as const;

export async function createListing(db: Db, actor: UserActor, input: CreateListingInput, requestId?: string): Promise<ListingBody> {
  const ownerOrgId = input.ownerOrgId ?? actor.organisation?.id;
  if (!ownerOrgId) throw new DomainError('owner_required', 'ownerOrgId', { zh: '请指定成果或需求所属机构', en: 'Say which organisation the listing belongs to' });
  if (input.ownerOrgId && !isBureau(actor) && input.ownerOrgId !== actor.organisation?.id) {
    throw new DomainError('forbidden', 'ownerOrgId', { zh: '只能为本机构发布', en: 'You can only list for your own organisation' }, 403);
  }
  const owner = (await db.select().from(organisations).where(and(eq(organisations.id, ownerOrgId))).limit(1))[0];
  if (!owner) throw new DomainError('not_found', 'ownerOrgId', { zh: '机构不存在', en: 'Organisation not found' }, 404);
  authorize(actor, { roles: LISTING_WRITER_ROLES, organisation: { regionCode: owner.regionCode, organisationId: owner.id } });
  validateListingContent(input);
  const patents = validatePatents(input.kind, input.patents ?? []);
  const columns = searchColumnsOf(input);
  return db.transaction(async (tx) => {
    const now = new Date();
    const inserted = await tx.insert(marketListings).values({
      regionCode: owner.regionCode, id: crypto.randomUUID(), kind: input.kind, ownerOrgId: owner.id, createdBy: actor.userId,
      externalId: input.externalId ?? null, title: input.title, summary: input.summary, field: input.field, keywords: input.keywords,
      trl: input.trl ?? null, patents, transferModes: input.transferModes ?? [],
      priceFen: input.priceFen ? BigInt(input.priceFen) : null, budgetMinFen: input.budgetMinFen ? BigInt(input.budgetMinFen) : null,
      budgetMaxFen: input.budgetMaxFen ? BigInt(input.budgetMaxFen) : null, deadline: input.deadline ?? null, files: input.files ?? [],
      districtCode: owner.districtCode, status: 'draft', searchVector: columns.searchVector, searchLength: columns.searchLength,
      titleGrams: columns.titleGrams, createdAt: now, updatedAt: now,
    }).onConflictDoNothing().returning();
    const row = inserted[0];
    if (!row) throw new DomainError('listing_exists', 'externalId', { zh: `编号 ${input.externalId} 已存在`, en: `Listing id ${input.externalId} already exists` }, 409);
    await tx.insert(marketListingTransitions).values({ regionCode: row.regionCode, listingId: row.id, seq: 1, fromStatus: null, toStatus: 'draft', actorUserId: actor.userId, at: now });
    await appendAudit(tx, auditActorOf(actor, requestId), { regionCode: row.regionCode, action: 'market.listing_created', entityType: 'market_listing', entityId: row.id, after: auditView(row) });
    return toListingBody(row, owner.name);
  });
}
