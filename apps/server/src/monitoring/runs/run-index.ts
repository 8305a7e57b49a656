// Runs a framework over stored data and keeps the result: a composite index over the region's districts and
// counties for one period, or an industry index over its dataset's periods.
import crypto from 'node:crypto';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';
import type { AuditActor } from '../../platform/auth/actor.ts';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { DomainError, notFound } from '../../platform/errors/domain-error.ts';
import { CompositeDefinition, IndustryDefinition } from '../frameworks/framework-definition.ts';
import { getFramework } from '../frameworks/read-frameworks.ts';
import { computeIndustry } from '../industry/compute-industry.ts';
import { indexRuns, industryFigures, industryPrices, industrySurveys } from '../schema.ts';
import { loadValues, regionAndChildren } from '../series/observation-values.ts';
import { computeComposite } from './compute-composite.ts';
import type { IndexResult } from './index-result.ts';

export type RunIndexInput = { period?: string; sensitivity?: { n: number; seed: number } };
export type IndexRun = { id: string; frameworkCode: string; frameworkVersion: number; period: string; createdAt: string; result: IndexResult };

export async function computeRun(db: Db, regionCode: string, frameworkCode: string, input: RunIndexInput): Promise<{ version: number; period: string; result: IndexResult }> {
  const fw = await getFramework(db, regionCode, frameworkCode);
  if (fw.kind === 'composite') {
    const definition = CompositeDefinition.parse(fw.definition);
    const { children } = await regionAndChildren(db, regionCode);
    const all = await loadValues(db, children.map((c) => c.code));
    const periods = [...new Set([...all.values()].flatMap((m) => [...m.keys()]))].filter((p) => /^\d{4}$/.test(p)).sort();
    const period = input.period ?? periods.at(-1);
    if (!period) throw new DomainError('index_no_data', 'period', { zh: '下辖地区暂无指标数据', en: 'The sub-regions have no indicator data yet' });
    const values = new Map(children.map((c) => [c.code, all.get(c.code)?.get(period) ?? new Map()]));
    return { version: fw.version, period, result: computeComposite({ definition, period, units: children, values, sensitivity: input.sensitivity }) };
  }
  const def = IndustryDefinition.parse(fw.definition);
  const where = <T extends typeof industryPrices | typeof industrySurveys | typeof industryFigures>(t: T) =>
    and(eq(t.regionCode, regionCode), eq(t.datasetCode, def.datasetCode));
  const [prices, surveys, figures] = await Promise.all([
    db.select().from(industryPrices).where(where(industryPrices)),
    db.select().from(industrySurveys).where(where(industrySurveys)),
    db.select().from(industryFigures).where(where(industryFigures)),
  ]);
  const result = computeIndustry(def, {
    prices: prices.map((p) => ({ period: p.period, productClass: p.productClass, product: p.product, price: Number(p.price) })),
    surveys: surveys.map((s) => ({ period: s.period, question: s.question, up: s.up, flat: s.flat, down: s.down })),
    figures: figures.map((f) => ({ period: f.period, item: f.item, value: Number(f.value) })),
  });
  if (result.periods.length === 0) throw new DomainError('index_no_data', 'datasetCode', { zh: `产业数据集 ${def.datasetCode} 暂无数据`, en: `Industry dataset ${def.datasetCode} has no data` });
  return { version: fw.version, period: result.periods.at(-1)!.period, result };
}

export async function runIndex(db: Db, actor: AuditActor, regionCode: string, frameworkCode: string, input: RunIndexInput): Promise<IndexRun> {
  const computed = await computeRun(db, regionCode, frameworkCode, input);
  const id = crypto.randomUUID();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(indexRuns).values({
      regionCode, id, frameworkCode, frameworkVersion: computed.version, period: computed.period, result: computed.result, createdBy: actor.userId,
    }).returning();
    await appendAudit(tx, actor, {
      regionCode, action: 'index_run.created', entityType: 'index_run', entityId: id,
      after: { frameworkCode, frameworkVersion: computed.version, period: computed.period, sensitivity: input.sensitivity ?? null },
    });
    return toRun(row!);
  });
}

function toRun(row: typeof indexRuns.$inferSelect): IndexRun {
  return { id: row.id, frameworkCode: row.frameworkCode, frameworkVersion: row.frameworkVersion, period: row.period, createdAt: row.createdAt.toISOString(), result: row.result as IndexResult };
}

export async function listRuns(db: Db, regionCode: string, frameworkCode?: string): Promise<Omit<IndexRun, 'result'>[]> {
  const rows = await db.select({ id: indexRuns.id, frameworkCode: indexRuns.frameworkCode, frameworkVersion: indexRuns.frameworkVersion, period: indexRuns.period, createdAt: indexRuns.createdAt })
    .from(indexRuns)
    .where(frameworkCode ? and(eq(indexRuns.regionCode, regionCode), eq(indexRuns.frameworkCode, frameworkCode)) : eq(indexRuns.regionCode, regionCode))
    .orderBy(desc(indexRuns.createdAt), asc(indexRuns.id)).limit(100);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function getRun(db: Db, regionCode: string, id: string): Promise<IndexRun> {
  const row = (await db.select().from(indexRuns).where(and(eq(indexRuns.regionCode, regionCode), eq(indexRuns.id, id))).limit(1))[0];
  if (!row) throw notFound({ zh: `指数计算结果 ${id}`, en: `Index run ${id}` });
  return toRun(row);
}
