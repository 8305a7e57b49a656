// The bureau creates or edits an action plan (names and period), audited with the state before and after.
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../platform/auth/actor.ts';
import { authorize, BUREAU_ROLES } from '../../platform/auth/authorize.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { actionPlans, planTargets } from '../schema.ts';
import { checkPlan, type PlanInput } from './plan-rules.ts';

export type PlanRow = typeof actionPlans.$inferSelect;

export async function savePlan(db: Db, actor: UserActor, code: string, input: PlanInput, requestId?: string): Promise<{ plan: PlanRow; created: boolean }> {
  const regionCode = actor.regionCode;
  authorize(actor, { roles: BUREAU_ROLES, region: regionCode });
  checkPlan(input);
  return db.transaction(async (tx) => {
    const here = and(eq(actionPlans.regionCode, regionCode), eq(actionPlans.code, code));
    const [before] = await tx.select().from(actionPlans).where(here).for('update');
    if (before) {
      // shortening a plan must not strand a target outside it
      const targets = await tx.select({ indicatorCode: planTargets.indicatorCode, targetPeriod: planTargets.targetPeriod }).from(planTargets)
        .where(and(eq(planTargets.regionCode, regionCode), eq(planTargets.planCode, code)));
      const outside = targets.find((t) => t.targetPeriod < input.startPeriod || t.targetPeriod > input.endPeriod);
      if (outside) {
        throw new DomainError('target_outside_plan', 'endPeriod', {
          zh: `指标 ${outside.indicatorCode} 的目标年份 ${outside.targetPeriod} 将落在方案期限之外，请先修改该目标`,
          en: `The target of ${outside.indicatorCode} (${outside.targetPeriod}) would fall outside the plan's period; change that target first`,
        });
      }
    }
    const values = { regionCode, code, nameZh: input.nameZh, nameEn: input.nameEn, startPeriod: input.startPeriod, endPeriod: input.endPeriod };
    const [plan] = before
      ? await tx.update(actionPlans).set(values).where(here).returning()
      : await tx.insert(actionPlans).values(values).returning();
    await appendAudit(tx, auditActorOf(actor, requestId), {
      regionCode, action: before ? 'action_plan.updated' : 'action_plan.created', entityType: 'action_plan', entityId: code,
      before: before ?? undefined, after: plan,
    });
    return { plan: plan!, created: !before };
  });
}
