// The city innovation overview: the headline indicators' series and the action plan's targets with
// completion and the growth still needed.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';
import { notFound } from '../../platform/errors/domain-error.ts';
import { regions } from '../../platform/schema.ts';
import { actionPlans, indicatorObservations, indicators, planTargets } from '../schema.ts';
import { cagr, completionRate, yearOf } from './target-progress.ts';
import type { RegionOverviewBody } from '../contracts.ts';

export const OVERVIEW_INDICATORS = ['rd_expenditure', 'rd_intensity', 'hnte_count', 'platform_count', 'innovation_entity_count', 'tech_sme_count', 'invention_patents_per_10k'];

export async function getRegionOverview(db: Db, regionCode: string): Promise<RegionOverviewBody> {
  const region = (await db.select().from(regions).where(eq(regions.code, regionCode)).limit(1))[0];
  if (!region) throw notFound({ zh: `地区 ${regionCode}`, en: `Region ${regionCode}` });

  const planCode = await currentPlan(db, regionCode);
  const [catalogue, observations, targets] = await Promise.all([
    db.select().from(indicators),
    db.select().from(indicatorObservations).where(eq(indicatorObservations.regionCode, regionCode)).orderBy(asc(indicatorObservations.period)),
    planCode ? db.select().from(planTargets).where(and(eq(planTargets.regionCode, regionCode), eq(planTargets.planCode, planCode))) : Promise.resolve([]),
  ]);
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const seriesOf = (code: string) => observations.filter((o) => o.indicatorCode === code).map((o) => ({ period: o.period, value: Number(o.value) }));

  return {
    region: { code: region.code, name: region.name, nameEn: region.nameEn },
    indicators: OVERVIEW_INDICATORS.flatMap((code) => {
      const def = byCode.get(code);
      return def ? [{ code, nameZh: def.nameZh, nameEn: def.nameEn, unit: def.unit, unitEn: def.unitEn, observations: seriesOf(code) }] : [];
    }),
    targets: targets.flatMap((t) => {
      const def = byCode.get(t.indicatorCode);
      if (!def) return [];
      const latest = seriesOf(t.indicatorCode).at(-1) ?? null;
      const targetValue = Number(t.targetValue);
      return [{
        indicatorCode: t.indicatorCode, nameZh: def.nameZh, nameEn: def.nameEn, unit: def.unit, unitEn: def.unitEn,
        baselinePeriod: t.baselinePeriod, baselineValue: t.baselineValue === null ? null : Number(t.baselineValue),
        targetPeriod: t.targetPeriod, targetValue,
        latestPeriod: latest?.period ?? null, latestValue: latest?.value ?? null,
        completion: latest ? completionRate(latest.value, targetValue, t.comparison) : null,
        cagrNeeded: latest ? cagr(latest.value, targetValue, yearOf(t.targetPeriod) - yearOf(latest.period)) : null,
        comparison: t.comparison,
      }];
    }),
  };
}

/** The plan whose end period is latest: what "the action plan" means on the overview. */
async function currentPlan(db: Db, regionCode: string): Promise<string | null> {
  const rows = await db.select({ code: actionPlans.code }).from(actionPlans).where(eq(actionPlans.regionCode, regionCode))
    .orderBy(desc(actionPlans.endPeriod), asc(actionPlans.code)).limit(1);
  return rows[0]?.code ?? null;
}
