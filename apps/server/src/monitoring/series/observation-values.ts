// Reads stored observations and fills in computed indicators, for the explorer, index runs and targets.
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';
import { regions } from '../../platform/schema.ts';
import { withComputed, type FormulaDefinition } from '../catalogue/indicator-formula.ts';
import { indicatorObservations, indicators } from '../schema.ts';

export type RegionRow = { code: string; name: string; nameEn: string; level: string; parentCode: string | null };
export type ValuePoint = { value: number; computed: boolean; status: 'preliminary' | 'final' | null; source: string | null };

/** The region and the regions directly under it (a city and its districts and counties). */
export async function regionAndChildren(db: Db, regionCode: string): Promise<{ self: RegionRow | null; children: RegionRow[] }> {
  const rows = await db.select().from(regions).where(or(eq(regions.code, regionCode), eq(regions.parentCode, regionCode))).orderBy(asc(regions.code));
  return { self: rows.find((r) => r.code === regionCode) ?? null, children: rows.filter((r) => r.code !== regionCode) };
}

export async function formulaDefinitions(db: Db): Promise<FormulaDefinition[]> {
  return (await db.select({ code: indicators.code, formula: indicators.formula }).from(indicators)).map((r) => ({ code: r.code, formula: r.formula ?? null }));
}

/** region → period → indicator → value, computed indicators included (observed values win). */
export async function loadValues(db: Db, regionCodes: readonly string[], periods?: readonly string[]): Promise<Map<string, Map<string, Map<string, ValuePoint>>>> {
  const where = periods
    ? and(inArray(indicatorObservations.regionCode, [...regionCodes]), inArray(indicatorObservations.period, [...periods]))
    : inArray(indicatorObservations.regionCode, [...regionCodes]);
  const [rows, defs] = await Promise.all([
    regionCodes.length === 0 ? Promise.resolve([]) : db.select().from(indicatorObservations).where(where),
    formulaDefinitions(db),
  ]);
  const raw = new Map<string, Map<string, Map<string, { value: number; status: 'preliminary' | 'final'; source: string }>>>();
  for (const r of rows) {
    const byPeriod = raw.get(r.regionCode) ?? new Map();
    const byCode = byPeriod.get(r.period) ?? new Map();
    byCode.set(r.indicatorCode, { value: Number(r.value), status: r.status, source: r.source });
    byPeriod.set(r.period, byCode);
    raw.set(r.regionCode, byPeriod);
  }
  const out = new Map<string, Map<string, Map<string, ValuePoint>>>();
  for (const [region, byPeriod] of raw) {
    const periodsOut = new Map<string, Map<string, ValuePoint>>();
    for (const [period, byCode] of byPeriod) {
      const values = withComputed(new Map([...byCode].map(([c, v]) => [c, v.value])), defs);
      const points = new Map<string, ValuePoint>();
      for (const [code, v] of values) {
        const obs = byCode.get(code);
        points.set(code, { value: v.value, computed: v.computed, status: obs?.status ?? null, source: obs?.source ?? null });
      }
      periodsOut.set(period, points);
    }
    out.set(region, periodsOut);
  }
  return out;
}
