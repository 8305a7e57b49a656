// The bureau removes an action plan and its targets in one audited write (the audit entry keeps both).
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../platform/auth/actor.ts';
import { authorize, BUREAU_ROLES } from '../../platform/auth/authorize.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { notFound } from '../../platform/errors/domain-error.ts';
import { actionPlans, planTargets } from '../schema.ts';

export async function deletePlan(db: Db, actor: UserActor, code: string, requestId?: string): Promise<void> {
  const regionCode = actor.regionCode;
  authorize(actor, { roles: BUREAU_ROLES, region: regionCode });
  await db.transaction(async (tx) => {
    const [plan] = await tx.delete(actionPlans).where(and(eq(actionPlans.regionCode, regionCode), eq(actionPlans.code, code))).returning();
    if (!plan) throw notFound({ zh: `行动方案 ${code}`, en: `Action plan ${code}` });
    const targets = await tx.delete(planTargets).where(and(eq(planTargets.regionCode, regionCode), eq(planTargets.planCode, code))).returning();
    await appendAudit(tx, auditActorOf(actor, requestId), {
      regionCode, action: 'action_plan.deleted', entityType: 'action_plan', entityId: code, before: { plan, targets },
    });
  });
}
