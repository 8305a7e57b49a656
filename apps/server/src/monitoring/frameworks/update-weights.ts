// Weights are configuration: the bureau sets the weights of a composite framework's indicators and pillars.
// The version goes up, so every run records which weights it used.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';
import type { AuditActor } from '../../platform/auth/actor.ts';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { indexFrameworks } from '../schema.ts';
import { CompositeDefinition } from './framework-definition.ts';
import { getFramework } from './read-frameworks.ts';

export async function updateWeights(db: Db, actor: AuditActor, regionCode: string, code: string, weights: Record<string, number>): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT 1 FROM index_frameworks WHERE region_code = ${regionCode} AND code = ${code} FOR UPDATE`);
    const row = await getFramework(tx as unknown as Db, regionCode, code);
    if (row.kind !== 'composite') {
      throw new DomainError('not_composite', 'code', { zh: '只有综合指数框架可设置权重', en: 'Only composite frameworks have weights' });
    }
    const def = CompositeDefinition.parse(row.definition);
    const known = new Set(def.meta.map((m) => m.iCode));
    for (const key of Object.keys(weights)) {
      if (!known.has(key)) throw new DomainError('unknown_icode', `weights.${key}`, { zh: `框架中没有“${key}”`, en: `The framework has no "${key}"` });
    }
    const before = Object.fromEntries(def.meta.map((m) => [m.iCode, m.weight]));
    const meta = def.meta.map((m) => (m.iCode in weights ? { ...m, weight: weights[m.iCode]! } : m));
    // every parent needs a positive total weight among its children, or its score is undefined
    const parents = new Set(meta.flatMap((m) => (m.parent ? [m.parent] : [])));
    for (const p of parents) {
      if (meta.filter((m) => m.parent === p).reduce((s, m) => s + m.weight, 0) <= 0) {
        throw new DomainError('zero_weights', 'weights', { zh: `“${p}”的下级权重之和必须大于 0`, en: `The weights under "${p}" must sum to more than 0` });
      }
    }
    const version = row.version + 1;
    await tx.update(indexFrameworks).set({ definition: { ...def, meta }, version, updatedAt: new Date() })
      .where(and(eq(indexFrameworks.regionCode, regionCode), eq(indexFrameworks.code, code)));
    await appendAudit(tx, actor, { regionCode, action: 'index_framework.weights_updated', entityType: 'index_framework', entityId: code, before, after: Object.fromEntries(meta.map((m) => [m.iCode, m.weight])) });
    return { version };
  });
}
