// The 双倍增 board: innovation entities by tier and platforms by level, year by year from the registry,
// against the action plan's targets (read through the monitoring module's overview, not duplicated), with
// completion, the yearly growth still needed and a forecast to the target year.
import type pg from 'pg';
import type { Db } from '../../platform/database/open-database.ts';
import { getRegionOverview } from '../../monitoring/overview/get-region-overview.ts';
import { cagr, completionRate, yearOf } from '../../monitoring/overview/target-progress.ts';
import { TIERS } from '../ladder.ts';
import { forecastAt, type Point } from './forecast.ts';

/** The monitoring indicators the board tracks, and how the registry counts each. */
const TRACKED = { hnte_count: 'hnte', tech_sme_count: 'tech-sme', innovation_entity_count: 'entities', platform_count: 'platforms' } as const;

export async function getBoard(db: Db, pool: pg.Pool, regionCode: string, today = new Date().toISOString().slice(0, 10)) {
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: thisYear - 2018 + 1 }, (_, i) => 2018 + i);
  const dates = years.map((y) => (y === thisYear ? today : `${y}-12-31`));
  const tiers = await pool.query<{ d: string; kind: string; n: string }>(
    `SELECT d::text, c.kind, count(DISTINCT c.organisation_id) AS n FROM unnest($2::date[]) AS d
     JOIN registry_certificates c ON c.region_code = $1 AND c.valid_from <= d AND c.valid_until >= d GROUP BY d, c.kind`, [regionCode, dates]);
  const entities = await pool.query<{ d: string; n: string }>(
    `SELECT d::text, count(DISTINCT c.organisation_id) AS n FROM unnest($2::date[]) AS d
     JOIN registry_certificates c ON c.region_code = $1 AND c.valid_from <= d AND c.valid_until >= d AND c.kind = ANY($3::text[]) GROUP BY d`, [regionCode, dates, [...TIERS]]);
  const platforms = await pool.query<{ d: string; level: string; n: string }>(
    `SELECT d::text, p.level, count(*) AS n FROM unnest($2::date[]) AS d
     JOIN registry_platforms p ON p.region_code = $1 AND p.approved_on <= d AND (p.revoked_on IS NULL OR p.revoked_on > d) GROUP BY d, p.level`, [regionCode, dates]);
  const yearOfDate = (d: string) => Number(d.slice(0, 4));
  const series = (rows: { d: string; n: string }[]): Point[] => years.map((y) => ({ year: y, value: Number(rows.find((r) => yearOfDate(r.d) === y)?.n ?? 0) }));
  const byTier = Object.fromEntries(TIERS.map((t) => [t, series(tiers.rows.filter((r) => r.kind === t))]));
  const byLevel = Object.fromEntries(['national', 'provincial', 'municipal'].map((l) => [l, series(platforms.rows.filter((r) => r.level === l))]));
  const platformTotal = years.map((y, i) => ({ year: y, value: Object.values(byLevel).reduce((s, pts) => s + pts[i]!.value, 0) }));
  const registrySeries: Record<string, Point[]> = {
    hnte: byTier.hnte!, 'tech-sme': byTier['tech-sme']!, entities: series(entities.rows), platforms: platformTotal,
  };

  const overview = await getRegionOverview(db, regionCode);
  const targets = overview.targets.filter((t) => t.indicatorCode in TRACKED).map((t) => {
    const reg = registrySeries[TRACKED[t.indicatorCode as keyof typeof TRACKED]]!;
    const latest = reg.at(-1)!;
    const targetYear = yearOf(t.targetPeriod);
    const official = overview.indicators.find((i) => i.code === t.indicatorCode)?.observations ?? [];
    return {
      indicatorCode: t.indicatorCode, nameZh: t.nameZh, nameEn: t.nameEn, unit: t.unit, unitEn: t.unitEn,
      targetPeriod: t.targetPeriod, targetValue: t.targetValue,
      official: { latestPeriod: t.latestPeriod, latestValue: t.latestValue, completion: t.completion, series: official },
      registry: {
        latestYear: latest.year, latestValue: latest.value,
        completion: completionRate(latest.value, t.targetValue, t.comparison),
        growthNeeded: cagr(latest.value, t.targetValue, targetYear - latest.year),
        forecastAtTarget: targetYear >= latest.year ? forecastAt(reg.filter((p) => p.year < thisYear).concat(latest), targetYear) : reg.find((p) => p.year === targetYear)?.value ?? null,
        series: reg,
      },
    };
  });
  return { regionCode, asOf: today, years, tiers: byTier, platformsByLevel: byLevel, targets };
}
