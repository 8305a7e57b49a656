// Reading a listing row and shaping it for the API; shared by the listing operations.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/audit/append-audit.ts';
import type { UserActor } from '../../platform/auth/actor.ts';
import { canSeeOrganisation } from '../../platform/auth/authorize.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ListingBody } from '../contracts.ts';
import { marketListings } from '../schema.ts';

export type ListingRow = typeof marketListings.$inferSelect;

export const listingNotFound = (): DomainError => new DomainError('not_found', null, { zh: '成果或需求不存在', en: 'Listing not found' }, 404);

/** Loads a listing the actor may see (published ones are public); otherwise 404, so drafts do not leak. */
export async function loadVisibleListing(db: Db | Tx, actor: UserActor | null, regionCode: string, id: string, forUpdate = false): Promise<ListingRow> {
  const query = db.select().from(marketListings).where(and(eq(marketListings.regionCode, regionCode), eq(marketListings.id, id))).limit(1);
  const row = (forUpdate ? await query.for('update') : await query)[0];
  if (!row) throw listingNotFound();
  if (row.status === 'published' || row.status === 'closed' && row.publishedAt !== null) return row;
  if (!actor || !canSeeOrganisation(actor, { regionCode: row.regionCode, organisationId: row.ownerOrgId })) throw listingNotFound();
  return row;
}

export function toListingBody(row: ListingRow, ownerName: string | null = null): ListingBody {
  return {
    id: row.id, regionCode: row.regionCode, kind: row.kind, ownerOrgId: row.ownerOrgId, ownerName, externalId: row.externalId,
    title: row.title, summary: row.summary, field: row.field, keywords: row.keywords, trl: row.trl, patents: row.patents,
    transferModes: row.transferModes, priceFen: row.priceFen?.toString() ?? null, budgetMinFen: row.budgetMinFen?.toString() ?? null,
    budgetMaxFen: row.budgetMaxFen?.toString() ?? null, deadline: row.deadline, files: row.files, districtCode: row.districtCode,
    status: row.status, statusReason: row.statusReason, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

/** The audit view of a listing: what changed, without the derived search columns. */
export function auditView(row: ListingRow): Record<string, unknown> {
  const { searchVector: _v, titleGrams: _g, searchLength: _l, ...rest } = row;
  return rest;
}

export async function nextTransitionSeq(tx: Tx, regionCode: string, listingId: string): Promise<number> {
  const res = await tx.execute<{ n: number }>(sql`SELECT coalesce(max(seq), 0)::int + 1 AS n FROM market_listing_transitions WHERE region_code = ${regionCode} AND listing_id = ${listingId}`);
  return res.rows[0]!.n;
}
