// The bureau sets one target of a plan: baseline (year and value), target value and year, and whether the
// indicator must reach at least or at most the target. Creating and editing are the same write, audited.
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../platform/auth/actor.ts';
import { authorize, BUREAU_ROLES } from '../../platform/auth/authorize.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError, notFound } from '../../platform/errors/domain-error.ts';
import { actionPlans, indicators, planTargets } from '../schema.ts';
import { checkTarget, type TargetInput } from './plan-rules.ts';

export type TargetRow = typeof planTargets.$inferSelect;

export async function saveTarget(
  db: Db, actor: UserActor, planCode: string, indicatorCode: string, input: TargetInput, requestId?: string,
): Promise<{ target: TargetRow; created: boolean }> {
  const regionCode = actor.regionCode;
  authorize(actor, { roles: BUREAU_ROLES, region: regionCode });
  const [indicator] = await db.select({ code: indicators.code, unit: indicators.unit }).from(indicators).where(eq(indicators.code, indicatorCode));
  if (!indicator) {
    throw new DomainError('unknown_indicator', 'indicatorCode', {
      zh: `指标目录中没有“${indicatorCode}”`, en: `The indicator catalogue has no "${indicatorCode}"`,
    });
  }
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(actionPlans).where(and(eq(actionPlans.regionCode, regionCode), eq(actionPlans.code, planCode))).for('update');
    if (!plan) throw notFound({ zh: `行动方案 ${planCode}`, en: `Action plan ${planCode}` });
    checkTarget(input, plan, indicator.unit);
    const here = and(eq(planTargets.regionCode, regionCode), eq(planTargets.planCode, planCode), eq(planTargets.indicatorCode, indicatorCode));
    const [before] = await tx.select().from(planTargets).where(here);
    const values = {
      regionCode, planCode, indicatorCode,
      baselinePeriod: input.baselinePeriod, baselineValue: input.baselineValue === null ? null : String(input.baselineValue),
      targetPeriod: input.targetPeriod, targetValue: String(input.targetValue), comparison: input.comparison,
    };
    const [target] = before
      ? await tx.update(planTargets).set(values).where(here).returning()
      : await tx.insert(planTargets).values(values).returning();
    await appendAudit(tx, auditActorOf(actor, requestId), {
      regionCode, action: before ? 'plan_target.updated' : 'plan_target.created', entityType: 'plan_target', entityId: `${planCode}/${indicatorCode}`,
      before: before ?? undefined, after: target,
    });
    return { target: target!, created: !before };
  });
}
