// Edits a draft. Only drafts change: what the bureau reviewed or the public sees stays as it was.
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ListingBody, UpdateListingInput } from '../contracts.ts';
import { marketListings } from '../schema.ts';
import { searchColumnsOf } from '../search/search-columns.ts';
import { LISTING_WRITER_ROLES } from './create-listing.ts';
import { auditView, loadVisibleListing, toListingBody } from './listing-rows.ts';
import { validatePatents } from './patent-rules.ts';
import { validateListingContent } from './validate-listing.ts';

const toFen = (v: string | null | undefined): bigint | null | undefined => (v === undefined ? undefined : v === null ? null : BigInt(v));

export async function updateListing(db: Db, actor: UserActor, regionCode: string, id: string, input: UpdateListingInput, requestId?: string): Promise<ListingBody> {
  return db.transaction(async (tx) => {
    const before = await loadVisibleListing(tx, actor, regionCode, id, true);
    authorize(actor, { roles: LISTING_WRITER_ROLES, organisation: { regionCode: before.regionCode, organisationId: before.ownerOrgId } });
    if (before.status !== 'draft') {
      throw new DomainError('not_a_draft', 'status', { zh: '只有草稿可以修改；已提交的请先撤回', en: 'Only drafts can be edited; withdraw a submission first' }, 409);
    }
    const merged = {
      kind: before.kind, trl: input.trl === undefined ? before.trl : input.trl,
      priceFen: input.priceFen === undefined ? before.priceFen?.toString() ?? null : input.priceFen,
      budgetMinFen: input.budgetMinFen === undefined ? before.budgetMinFen?.toString() ?? null : input.budgetMinFen,
      budgetMaxFen: input.budgetMaxFen === undefined ? before.budgetMaxFen?.toString() ?? null : input.budgetMaxFen,
      deadline: input.deadline === undefined ? before.deadline : input.deadline,
    };
    validateListingContent(merged);
    const patents = input.patents === undefined ? before.patents : validatePatents(before.kind, input.patents);
    const text = { title: input.title ?? before.title, summary: input.summary ?? before.summary, keywords: input.keywords ?? before.keywords };
    const columns = searchColumnsOf(text);
    const updated = await tx.update(marketListings).set({
      ...text, field: input.field ?? before.field, trl: merged.trl, patents,
      transferModes: input.transferModes ?? before.transferModes, priceFen: toFen(input.priceFen), budgetMinFen: toFen(input.budgetMinFen),
      budgetMaxFen: toFen(input.budgetMaxFen), deadline: merged.deadline, files: input.files ?? before.files,
      searchVector: columns.searchVector, searchLength: columns.searchLength, titleGrams: columns.titleGrams, updatedAt: new Date(),
    }).where(and(eq(marketListings.regionCode, regionCode), eq(marketListings.id, id))).returning();
    const row = updated[0]!;
    await appendAudit(tx, auditActorOf(actor, requestId), { regionCode, action: 'market.listing_updated', entityType: 'market_listing', entityId: id, before: auditView(before), after: auditView(row) });
    return toListingBody(row);
  });
}
