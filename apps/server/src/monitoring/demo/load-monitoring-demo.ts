// Loads the monitoring module's SYNTHETIC demo data for a city: district observations, the two preset
// frameworks, the bearing-industry dataset, and one run of each framework so the pages have results at once.
// Idempotent: observations already present are left alone; runs are made only when none exist.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { DEMO_INDUSTRY_DATASET, installPresets } from '../frameworks/install-presets.ts';
import { INDUSTRY_CODE, INNOVATIVE_CITY_CODE } from '../frameworks/framework-presets.ts';
import { indexRuns, indicatorObservations, industryFigures, industryPrices, industrySurveys } from '../schema.ts';
import { runIndex } from '../runs/run-index.ts';
import { demoDistrictObservations, demoIndustry, SYNTHETIC_SOURCE } from './demo-districts.ts';

export async function loadMonitoringDemo(db: Db, cityCode: string): Promise<void> {
  const observations = demoDistrictObservations();
  const industry = demoIndustry();
  await db.transaction(async (tx) => {
    for (let i = 0; i < observations.length; i += 500) {
      await tx.insert(indicatorObservations).values(observations.slice(i, i + 500).map((o) => ({
        regionCode: o.regionCode, indicatorCode: o.indicatorCode, period: o.period, value: String(o.value), status: 'final' as const, source: SYNTHETIC_SOURCE,
      }))).onConflictDoNothing();
    }
    const ds = { regionCode: cityCode, datasetCode: DEMO_INDUSTRY_DATASET };
    await tx.insert(industryPrices).values(industry.prices.map((p) => ({ ...ds, ...p, price: String(p.price) }))).onConflictDoNothing();
    await tx.insert(industrySurveys).values(industry.surveys.map((s) => ({ ...ds, ...s }))).onConflictDoNothing();
    await tx.insert(industryFigures).values(industry.figures.map((f) => ({ ...ds, ...f, value: String(f.value) }))).onConflictDoNothing();
    await appendAudit(tx, SYSTEM_ACTOR, {
      regionCode: cityCode, action: 'demo.monitoring_loaded', entityType: 'dataset', entityId: 'monitoring-demo',
      after: { observations: observations.length, prices: industry.prices.length, surveys: industry.surveys.length, figures: industry.figures.length, synthetic: true },
    });
  });
  await installPresets(db, SYSTEM_ACTOR, cityCode);
  const hasRun = await db.select({ id: indexRuns.id }).from(indexRuns).where(and(eq(indexRuns.regionCode, cityCode))).limit(1);
  if (hasRun[0]) return;
  await runIndex(db, SYSTEM_ACTOR, cityCode, INNOVATIVE_CITY_CODE, { sensitivity: { n: 200, seed: 1 } });
  await runIndex(db, SYSTEM_ACTOR, cityCode, INDUSTRY_CODE, {});
}
