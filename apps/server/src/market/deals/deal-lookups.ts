// Reads this module needs from other modules' tables: a listing (market/schema.ts) and an organisation
// (platform). Referenced by (region_code, id), checked here because there are no cross-module foreign keys.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/audit/append-audit.ts';
import type { UserActor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError, notFound } from '../../platform/errors/domain-error.ts';
import { organisations } from '../../platform/schema.ts';
import { marketListings } from '../schema.ts';
import type { ContractParty } from './schema.ts';

export type Reader = Db | Tx;

export type ListingForDeal = {
  regionCode: string; id: string; kind: 'achievement' | 'demand'; ownerOrgId: string; title: string; field: string;
  priceFen: bigint | null; status: string; transferModes: string[];
};

export async function findPublishedAchievement(db: Reader, regionCode: string, listingId: string): Promise<ListingForDeal> {
  const rows = await db.select({
    regionCode: marketListings.regionCode, id: marketListings.id, kind: marketListings.kind, ownerOrgId: marketListings.ownerOrgId,
    title: marketListings.title, field: marketListings.field, priceFen: marketListings.priceFen, status: marketListings.status,
    transferModes: marketListings.transferModes,
  }).from(marketListings).where(and(eq(marketListings.regionCode, regionCode), eq(marketListings.id, listingId))).limit(1);
  const row = rows[0];
  if (!row) throw notFound({ zh: '科技成果', en: 'Achievement' });
  if (row.kind !== 'achievement' || row.status !== 'published') {
    throw new DomainError('listing_not_on_sale', 'listingId', { zh: '只有已发布的科技成果可以交易', en: 'Only published achievements can be traded' }, 409);
  }
  return row;
}

export async function partyOf(db: Reader, regionCode: string, orgId: string): Promise<ContractParty> {
  const rows = await db.select().from(organisations).where(and(eq(organisations.regionCode, regionCode), eq(organisations.id, orgId))).limit(1);
  const org = rows[0];
  if (!org) throw notFound({ zh: '机构', en: 'Organisation' });
  return { orgId: org.id, regionCode: org.regionCode, name: org.name, uscc: org.uscc, districtCode: org.districtCode };
}

/** Deals are made by organisations: an account without one (an expert) cannot buy or bid. */
export function actingOrganisation(actor: UserActor): { id: string; name: string } {
  if (!actor.organisation) {
    throw new DomainError('organisation_required', null, { zh: '须以机构身份参与交易', en: 'Only accounts of an organisation can trade' }, 403);
  }
  return actor.organisation;
}

/** PostgreSQL's unique_violation, optionally of one named constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = (err as { cause?: unknown }).cause ?? err;
  const pgErr = e as { code?: string; constraint?: string };
  return pgErr.code === '23505' && (constraint === undefined || pgErr.constraint === constraint);
}
