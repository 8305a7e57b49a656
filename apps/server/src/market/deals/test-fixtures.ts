// Shared set-up of the deals integration tests: demo accounts as actors for direct operation calls, and a
// published achievement to trade.
import { sql } from 'drizzle-orm';
import type { UserActor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/open-database.ts';
import type { Role } from '../../platform/schema.ts';
import { insertPublishedAchievement } from './listing-fixture.ts';

export async function actorFor(db: Db, email: string): Promise<UserActor> {
  const { rows } = await db.execute<{ id: string; role: Role; display_name: string; region_code: string; org_id: string | null; org_name: string | null; org_kind: string | null }>(sql`
    SELECT u.id, u.role, u.display_name, u.region_code, o.id AS org_id, o.name AS org_name, o.kind AS org_kind
    FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id WHERE u.email = ${email}`);
  const u = rows[0];
  if (!u) throw new Error(`no demo user ${email}`);
  return {
    kind: 'user', userId: u.id, role: u.role, displayName: u.display_name, login: email, regionCode: u.region_code, csrfToken: '',
    organisation: u.org_id ? { id: u.org_id, name: u.org_name!, kind: u.org_kind! } : null,
  };
}

export async function universityAchievement(db: Db, seller: UserActor, title: string, priceFen: bigint | null = 80_000_000n): Promise<{ regionCode: string; id: string }> {
  const id = await insertPublishedAchievement(db, { regionCode: seller.regionCode, ownerOrgId: seller.organisation!.id, title, field: '高端轴承', priceFen });
  return { regionCode: seller.regionCode, id };
}
