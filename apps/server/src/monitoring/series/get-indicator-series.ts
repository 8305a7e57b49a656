// The indicator explorer: one indicator's series for the region and each of its districts and counties, with
// status, source and whether the value was computed from a formula.
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';
import { notFound } from '../../platform/errors/domain-error.ts';
import { formulaText } from '../catalogue/indicator-formula.ts';
import { indicators } from '../schema.ts';
import { loadValues, regionAndChildren } from './observation-values.ts';

export async function listIndicators(db: Db) {
  const rows = await db.select().from(indicators).orderBy(indicators.code);
  return rows.map((r) => ({
    code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, unit: r.unit, unitEn: r.unitEn, direction: r.direction === -1 ? -1 : 1,
    definitionZh: r.definitionZh, definitionEn: r.definitionEn, source: r.source, formula: r.formula ? formulaText(r.formula) : null,
  }));
}

export async function getIndicatorSeries(db: Db, regionCode: string, code: string) {
  const def = (await db.select().from(indicators).where(eq(indicators.code, code)).limit(1))[0];
  if (!def) throw notFound({ zh: `指标 ${code}`, en: `Indicator ${code}` });
  const { self, children } = await regionAndChildren(db, regionCode);
  if (!self) throw notFound({ zh: `地区 ${regionCode}`, en: `Region ${regionCode}` });
  const all = [self, ...children];
  const values = await loadValues(db, all.map((r) => r.code));
  return {
    indicator: { code: def.code, nameZh: def.nameZh, nameEn: def.nameEn, unit: def.unit, unitEn: def.unitEn, formula: def.formula ? formulaText(def.formula) : null },
    regions: all.map((r) => ({
      code: r.code, nameZh: r.name, nameEn: r.nameEn, level: r.level,
      points: [...(values.get(r.code) ?? new Map()).entries()].sort(([a], [b]) => a.localeCompare(b)).flatMap(([period, m]) => {
        const v = m.get(code);
        return v ? [{ period, value: v.value, computed: v.computed, status: v.status, source: v.source }] : [];
      }),
    })).filter((r) => r.points.length > 0),
  };
}
