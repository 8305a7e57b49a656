// Loads the demo city: its organisations, one account per role, indicator observations and the action
// plan's targets. Idempotent: a second run changes nothing.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/database/open-database.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import { SYSTEM_ACTOR } from '../platform/auth/actor.ts';
import { makeUscc } from '../platform/identity/uscc.ts';
import { organisations, users } from '../platform/schema.ts';
import { actionPlans, indicatorObservations, planTargets } from '../monitoring/schema.ts';
import { createOrganisation } from '../identity/create-organisation.ts';
import { createUser } from '../identity/create-user.ts';
import { loadCultivationDemo } from '../cultivation/load-cultivation-demo.ts';
import { loadMonitoringDemo } from '../monitoring/demo/load-monitoring-demo.ts';
import { loadDealsDemo } from '../market/deals/demo/deals-demo.ts';
import { loadMarketDemo } from '../market/demo/load-market-demo.ts';
import { DEMO_OBSERVATIONS, DEMO_ORGANISATIONS, DEMO_PLAN, DEMO_REGION, DEMO_TARGETS, DEMO_USERS, hashedDemoPassword } from './demo-city.ts';

export type DemoProgress = (step: string, done: number, total: number) => void;

const USCC_PREFIX: Record<string, string> = { enterprise: '91', bank: '91', service_provider: '91', university: '12', institute: '12', bureau: '11' };

export async function loadDemo(db: Db, onProgress: DemoProgress = () => {}): Promise<{ loaded: boolean }> {
  const already = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_USERS[0]!.email)).limit(1);
  if (already[0]) return { loaded: false };
  const total = DEMO_ORGANISATIONS.length + DEMO_USERS.length + 1;
  let done = 0;
  const orgIds = new Map<string, string>();
  for (const org of DEMO_ORGANISATIONS) {
    const uscc = makeUscc(`${USCC_PREFIX[org.kind]}${DEMO_REGION}${org.orgCode}`);
    const existing = await db.select({ id: organisations.id }).from(organisations)
      .where(and(eq(organisations.regionCode, DEMO_REGION), eq(organisations.uscc, uscc))).limit(1);
    const id = existing[0]?.id ?? (await createOrganisation(db, SYSTEM_ACTOR, { regionCode: DEMO_REGION, districtCode: org.districtCode, kind: org.kind, name: org.name, uscc })).id;
    orgIds.set(org.key, id);
    onProgress('organisations', ++done, total);
  }
  for (const user of DEMO_USERS) {
    await createUser(db, SYSTEM_ACTOR, {
      regionCode: DEMO_REGION, displayName: user.displayName, email: user.email, role: user.role,
      organisationId: user.organisation ? orgIds.get(user.organisation) : undefined, passwordHash: await hashedDemoPassword(),
    });
    onProgress('users', ++done, total);
  }
  await loadIndicators(db);
  await loadCultivationDemo(db, DEMO_REGION);
  await loadMonitoringDemo(db, DEMO_REGION);
  onProgress('indicators', ++done, total);
  await loadMarketDemo(db);
  await loadDealsDemo(db);
  return { loaded: true };
}

async function loadIndicators(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(indicatorObservations).values(DEMO_OBSERVATIONS.map((o) => ({
      regionCode: DEMO_REGION, indicatorCode: o.indicator, period: o.period, value: String(o.value), status: o.status ?? 'final', source: o.source,
    }))).onConflictDoNothing();
    await tx.insert(actionPlans).values({ regionCode: DEMO_REGION, ...DEMO_PLAN }).onConflictDoNothing();
    await tx.insert(planTargets).values(DEMO_TARGETS.map((t) => ({
      regionCode: DEMO_REGION, planCode: DEMO_PLAN.code, indicatorCode: t.indicator, targetPeriod: DEMO_PLAN.endPeriod,
      targetValue: String(t.target), baselinePeriod: t.baselinePeriod ?? null, baselineValue: t.baseline === undefined ? null : String(t.baseline),
    }))).onConflictDoNothing();
    await appendAudit(tx, SYSTEM_ACTOR, {
      regionCode: DEMO_REGION, action: 'demo.indicators_loaded', entityType: 'action_plan', entityId: DEMO_PLAN.code,
      after: { observations: DEMO_OBSERVATIONS.length, targets: DEMO_TARGETS.length },
    });
  });
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const { rows } = await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM users`);
  return Number(rows[0]?.n ?? 0) === 0;
}
