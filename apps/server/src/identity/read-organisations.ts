// Reading organisations, always through the authorisation check: bureau staff see their region, an
// organisation's own users see only their organisation.
import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/database/open-database.ts';
import type { UserActor } from '../platform/auth/actor.ts';
import { authorize, isBureau } from '../platform/auth/authorize.ts';
import { notFound } from '../platform/errors/domain-error.ts';
import { organisations, type OrganisationKind } from '../platform/schema.ts';
import { toOrganisationBody } from './create-organisation.ts';
import type { OrganisationBody } from './contracts.ts';

export async function getOrganisation(db: Db, actor: UserActor, id: string): Promise<OrganisationBody> {
  const rows = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  const row = rows[0];
  if (!row) throw notFound({ zh: '机构', en: 'Organisation' });
  authorize(actor, { roles: 'authenticated', organisation: { regionCode: row.regionCode, organisationId: row.id } });
  return toOrganisationBody(row);
}

export type OrganisationFilter = { kind?: OrganisationKind; q?: string; limit: number; offset: number };

export async function listOrganisations(db: Db, actor: UserActor, filter: OrganisationFilter): Promise<{ items: OrganisationBody[]; total: number }> {
  const conditions: SQL[] = [];
  if (isBureau(actor)) conditions.push(regionScope(actor.regionCode));
  else if (actor.organisation) conditions.push(eq(organisations.id, actor.organisation.id));
  else return { items: [], total: 0 };
  if (filter.kind) conditions.push(eq(organisations.kind, filter.kind));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`; // the search text is data, never a pattern
    conditions.push(or(ilike(organisations.name, pattern), ilike(organisations.uscc, pattern))!);
  }
  const where = and(...conditions);
  const [rows, count] = await Promise.all([
    db.select().from(organisations).where(where).orderBy(organisations.name, organisations.id).limit(filter.limit).offset(filter.offset),
    db.select({ n: sql<string>`count(*)` }).from(organisations).where(where),
  ]);
  return { items: rows.map(toOrganisationBody), total: Number(count[0]?.n ?? 0) };
}

/** A city (xxxx00) or province (xx0000) bureau sees the organisations of its sub-regions too. */
function regionScope(regionCode: string): SQL {
  if (regionCode.endsWith('0000')) return sql`${organisations.regionCode} LIKE ${regionCode.slice(0, 2) + '%'}`;
  if (regionCode.endsWith('00')) return sql`${organisations.regionCode} LIKE ${regionCode.slice(0, 4) + '%'}`;
  return eq(organisations.regionCode, regionCode);
}
