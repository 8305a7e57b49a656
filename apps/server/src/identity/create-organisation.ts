// Registers an organisation under its 统一社会信用代码. The check character is verified (GB 32100-2015)
// and one credit code appears once per region.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/database/open-database.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { AuditActor } from '../platform/auth/actor.ts';
import { DomainError } from '../platform/errors/domain-error.ts';
import { validateUscc } from '../platform/identity/uscc.ts';
import { organisations, type OrganisationKind } from '../platform/schema.ts';
import type { OrganisationBody } from './contracts.ts';

export type CreateOrganisationInput = { regionCode: string; districtCode?: string; kind: OrganisationKind; name: string; uscc: string };

export async function createOrganisation(db: Db, actor: AuditActor, input: CreateOrganisationInput): Promise<OrganisationBody> {
  const uscc = validateUscc(input.uscc);
  if (!uscc.ok) throw new DomainError(`uscc_${uscc.reason}`, 'uscc', { zh: uscc.message, en: uscc.messageEn });
  await assertRegionExists(db, input.regionCode, 'regionCode');
  if (input.districtCode) await assertRegionExists(db, input.districtCode, 'districtCode');
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(organisations)
      .values({ regionCode: input.regionCode, id: crypto.randomUUID(), kind: input.kind, name: input.name, uscc: uscc.code, districtCode: input.districtCode ?? null })
      .onConflictDoNothing()
      .returning();
    const row = inserted[0];
    if (!row) {
      throw new DomainError('organisation_exists', 'uscc', {
        zh: `统一社会信用代码 ${uscc.code} 的机构已登记`, en: `An organisation with credit code ${uscc.code} is already registered`,
      }, 409);
    }
    const body = toOrganisationBody(row);
    await appendAudit(tx, actor, { regionCode: row.regionCode, action: 'organisation.created', entityType: 'organisation', entityId: row.id, after: body });
    return body;
  });
}

export function toOrganisationBody(row: typeof organisations.$inferSelect): OrganisationBody {
  return { id: row.id, regionCode: row.regionCode, districtCode: row.districtCode, kind: row.kind, name: row.name, uscc: row.uscc, createdAt: row.createdAt.toISOString() };
}

async function assertRegionExists(db: Db, code: string, field: string): Promise<void> {
  const found = await db.execute(sql`SELECT 1 FROM regions WHERE code = ${code}`);
  if (found.rows.length === 0) {
    throw new DomainError('unknown_region', field, { zh: `行政区划代码 ${code} 不存在（GB/T 2260）`, en: `Unknown administrative division code ${code} (GB/T 2260)` });
  }
}
