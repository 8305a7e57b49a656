// Live counts the registry holds for the action plan's indicators, plugged into the monitoring target board
// (monitoring/targets/indicator-providers.ts). Each answers for the region and everything under it, at a date;
// null when the registry holds nothing for the region yet, so the board keeps the published figures.
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/database/open-database.ts';
import { regionCodePattern } from '../platform/regions/region-scope.ts';
import { registerIndicatorProvider, type IndicatorProvider } from '../monitoring/targets/indicator-providers.ts';

/** Tier certificates that make an enterprise an innovation entity (创新主体) in the 双倍增 sense. */
export const INNOVATION_ENTITY_CERTIFICATES = ['tech-sme', 'hnte', 'innovative-sme', 'specialized-sme', 'little-giant', 'gazelle', 'unicorn'];

async function holdersOfValid(db: Db, regionCode: string, asOf: Date, kinds: string[]): Promise<number | null> {
  const day = asOf.toISOString().slice(0, 10);
  const { rows } = await db.execute<{ registered: string; holders: string }>(sql`
    SELECT (SELECT count(*) FROM registry_enterprises WHERE region_code LIKE ${regionCodePattern(regionCode)}) AS registered,
           (SELECT count(DISTINCT organisation_id) FROM registry_certificates
             WHERE region_code LIKE ${regionCodePattern(regionCode)} AND kind IN (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
               AND valid_from <= ${day} AND valid_until >= ${day}) AS holders`);
  const row = rows[0]!;
  return Number(row.registered) === 0 ? null : Number(row.holders);
}

async function activePlatforms(db: Db, regionCode: string, asOf: Date): Promise<number | null> {
  const day = asOf.toISOString().slice(0, 10);
  const { rows } = await db.execute<{ n: string }>(sql`
    SELECT count(*) AS n FROM registry_platforms
     WHERE region_code LIKE ${regionCodePattern(regionCode)} AND approved_on <= ${day} AND (revoked_on IS NULL OR revoked_on > ${day})`);
  const n = Number(rows[0]!.n);
  return n === 0 ? null : n;
}

export const REGISTRY_INDICATOR_PROVIDERS: IndicatorProvider[] = [
  {
    indicatorCode: 'hnte_count', module: 'registry',
    description: { zh: '登记库中证书在有效期内的高新技术企业', en: 'Registry enterprises with a valid high-tech enterprise certificate' },
    current: (db, region, asOf) => holdersOfValid(db, region, asOf, ['hnte']),
  },
  {
    indicatorCode: 'tech_sme_count', module: 'registry',
    description: { zh: '登记库中当年入库有效的科技型中小企业', en: 'Registry enterprises with a valid tech-based SME registration' },
    current: (db, region, asOf) => holdersOfValid(db, region, asOf, ['tech-sme']),
  },
  {
    indicatorCode: 'innovation_entity_count', module: 'registry',
    description: { zh: '登记库中持有任一梯次有效认定的企业', en: 'Registry enterprises holding any valid tier qualification' },
    current: (db, region, asOf) => holdersOfValid(db, region, asOf, INNOVATION_ENTITY_CERTIFICATES),
  },
  {
    indicatorCode: 'platform_count', module: 'registry',
    description: { zh: '登记库中已认定且未撤销的创新平台载体', en: 'Approved, unrevoked innovation platforms in the registry' },
    current: activePlatforms,
  },
];

export function registerRegistryIndicatorProviders(): void {
  for (const provider of REGISTRY_INDICATOR_PROVIDERS) registerIndicatorProvider(provider);
}
