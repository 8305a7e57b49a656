// The target board: every action plan of the region with each target's completion, growth achieved and
// needed, and the on-track forecast; live counts from other modules where a provider is registered.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';
import { actionPlans, indicators, planTargets } from '../schema.ts';
import { loadValues } from '../series/observation-values.ts';
import { indicatorProvider } from './indicator-providers.ts';
import { assessTarget, type Point, type TargetAssessment } from './target-forecast.ts';

export type BoardTarget = TargetAssessment & {
  indicatorCode: string; nameZh: string; nameEn: string; unit: string; unitEn: string;
  baselinePeriod: string | null; baselineValue: number | null; targetPeriod: string; targetValue: number; comparison: 'at_least' | 'at_most';
  series: (Point & { computed: boolean; live: boolean })[];
  live: { module: string; descriptionZh: string; descriptionEn: string } | null;
};
export type BoardPlan = { code: string; nameZh: string; nameEn: string; startPeriod: string; endPeriod: string; targets: BoardTarget[] };

export async function getTargetBoard(db: Db, regionCode: string, now: Date = new Date()): Promise<{ plans: BoardPlan[] }> {
  const [plans, targets, catalogue, values] = await Promise.all([
    db.select().from(actionPlans).where(eq(actionPlans.regionCode, regionCode)).orderBy(asc(actionPlans.endPeriod), asc(actionPlans.code)),
    db.select().from(planTargets).where(and(eq(planTargets.regionCode, regionCode))),
    db.select().from(indicators),
    loadValues(db, [regionCode]),
  ]);
  const byCode = new Map(catalogue.map((c) => [c.code, c]));
  const own = values.get(regionCode) ?? new Map();
  const annual = [...own.keys()].filter((p) => /^\d{4}$/.test(p)).sort();
  const year = String(now.getFullYear());
  const out: BoardPlan[] = [];
  for (const plan of plans) {
    const rows: BoardTarget[] = [];
    for (const t of targets.filter((x) => x.planCode === plan.code)) {
      const def = byCode.get(t.indicatorCode);
      if (!def) continue;
      const series: (Point & { computed: boolean; live: boolean })[] = annual.flatMap((p) => {
        const v = own.get(p)?.get(t.indicatorCode);
        return v ? [{ period: p, value: v.value, computed: v.computed, live: false }] : [];
      });
      const provider = indicatorProvider(t.indicatorCode);
      let live: BoardTarget['live'] = null;
      if (provider) {
        const value = await provider.current(db, regionCode, now);
        if (value !== null) {
          const i = series.findIndex((s) => s.period === year);
          if (i >= 0) series.splice(i, 1);
          series.push({ period: year, value, computed: false, live: true });
          live = { module: provider.module, descriptionZh: provider.description.zh, descriptionEn: provider.description.en };
        }
      }
      const baseline = t.baselinePeriod && t.baselineValue !== null ? { period: t.baselinePeriod, value: Number(t.baselineValue) } : null;
      const assessment = assessTarget({ baseline, series, targetPeriod: t.targetPeriod, targetValue: Number(t.targetValue), comparison: t.comparison });
      rows.push({
        ...assessment, indicatorCode: t.indicatorCode, nameZh: def.nameZh, nameEn: def.nameEn, unit: def.unit, unitEn: def.unitEn,
        baselinePeriod: t.baselinePeriod, baselineValue: baseline?.value ?? null, targetPeriod: t.targetPeriod, targetValue: Number(t.targetValue),
        comparison: t.comparison, series, live,
      });
    }
    out.push({ code: plan.code, nameZh: plan.nameZh, nameEn: plan.nameEn, startPeriod: plan.startPeriod, endPeriod: plan.endPeriod, targets: rows });
  }
  return { plans: out };
}
