// The bureau removes a target from a plan; the audit entry keeps what it was.
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../platform/auth/actor.ts';
import { authorize, BUREAU_ROLES } from '../../platform/auth/authorize.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { notFound } from '../../platform/errors/domain-error.ts';
import { planTargets } from '../schema.ts';

export async function deleteTarget(db: Db, actor: UserActor, planCode: string, indicatorCode: string, requestId?: string): Promise<void> {
  const regionCode = actor.regionCode;
  authorize(actor, { roles: BUREAU_ROLES, region: regionCode });
  await db.transaction(async (tx) => {
    const [before] = await tx.delete(planTargets)
      .where(and(eq(planTargets.regionCode, regionCode), eq(planTargets.planCode, planCode), eq(planTargets.indicatorCode, indicatorCode)))
      .returning();
    if (!before) throw notFound({ zh: `行动方案 ${planCode} 的指标 ${indicatorCode} 目标`, en: `The target of ${indicatorCode} in plan ${planCode}` });
    await appendAudit(tx, auditActorOf(actor, requestId), {
      regionCode, action: 'plan_target.deleted', entityType: 'plan_target', entityId: `${planCode}/${indicatorCode}`, before,
    });
  });
}
