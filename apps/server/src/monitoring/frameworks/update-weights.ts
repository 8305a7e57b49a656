// Weights are configuration: the bureau sets the weights of a composite framework's indicators and pillars.
// The version goes up, so every run records which weights it used.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';
import { auditActorOf, type UserActor } from '../../platform/auth/actor.ts';
import { authorize, BUREAU_ROLES } from '../../platform/auth/authorize.ts';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { indexFrameworks } from '../schema.ts';
import { CompositeDefinition, type FrameworkMetaRow } from './framework-definition.ts';
import { getFramework } from './read-frameworks.ts';

/** Far above any sensible weight; catches a value typed with too many zeros. */
export const MAX_WEIGHT = 1000;

/** Checks a weights change against the framework's tree and returns the new metadata (pure). */
export function applyWeights(meta: readonly FrameworkMetaRow[], weights: Record<string, number>): FrameworkMetaRow[] {
  const entries = Object.entries(weights);
  if (entries.length === 0) throw new DomainError('no_weights', 'weights', { zh: '请至少设置一个权重', en: 'Set at least one weight' });
  const known = new Map(meta.map((m) => [m.iCode, m]));
  for (const [key, w] of entries) {
    const node = known.get(key);
    if (!node) throw new DomainError('unknown_icode', `weights.${key}`, { zh: `框架中没有“${key}”`, en: `The framework has no "${key}"` });
    if (!Number.isFinite(w)) throw new DomainError('bad_weight', `weights.${key}`, { zh: `“${node.nameZh}”的权重必须是数字`, en: `The weight of "${node.nameEn}" must be a number` });
    if (w < 0) throw new DomainError('negative_weight', `weights.${key}`, { zh: `“${node.nameZh}”的权重不能为负数（收到 ${w}）`, en: `The weight of "${node.nameEn}" cannot be negative (got ${w})` });
    if (w > MAX_WEIGHT) throw new DomainError('weight_too_large', `weights.${key}`, { zh: `“${node.nameZh}”的权重不能超过 ${MAX_WEIGHT}`, en: `The weight of "${node.nameEn}" cannot exceed ${MAX_WEIGHT}` });
  }
  const next = meta.map((m) => (m.iCode in weights ? { ...m, weight: weights[m.iCode]! } : m));
  // every parent needs a positive total weight among its children, or its score is undefined
  const parents = new Set(next.flatMap((m) => (m.parent ? [m.parent] : [])));
  for (const p of parents) {
    if (next.filter((m) => m.parent === p).reduce((s, m) => s + m.weight, 0) <= 0) {
      const node = known.get(p);
      throw new DomainError('zero_weights', 'weights', {
        zh: `“${node?.nameZh ?? p}”的下级权重之和必须大于 0`, en: `The weights under "${node?.nameEn ?? p}" must sum to more than 0`,
      });
    }
  }
  return next;
}

export async function updateWeights(db: Db, actor: UserActor, code: string, weights: Record<string, number>, requestId?: string): Promise<{ version: number }> {
  const regionCode = actor.regionCode;
  authorize(actor, { roles: BUREAU_ROLES, region: regionCode });
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT 1 FROM index_frameworks WHERE region_code = ${regionCode} AND code = ${code} FOR UPDATE`);
    const row = await getFramework(tx as unknown as Db, regionCode, code);
    if (row.kind !== 'composite') {
      throw new DomainError('not_composite', 'code', { zh: '只有综合指数框架可设置权重', en: 'Only composite frameworks have weights' });
    }
    const def = CompositeDefinition.parse(row.definition);
    const meta = applyWeights(def.meta, weights);
    const before = Object.fromEntries(def.meta.map((m) => [m.iCode, m.weight]));
    const version = row.version + 1;
    await tx.update(indexFrameworks).set({ definition: { ...def, meta }, version, updatedAt: new Date() })
      .where(and(eq(indexFrameworks.regionCode, regionCode), eq(indexFrameworks.code, code)));
    await appendAudit(tx, auditActorOf(actor, requestId), { regionCode, action: 'index_framework.weights_updated', entityType: 'index_framework', entityId: code, before, after: Object.fromEntries(meta.map((m) => [m.iCode, m.weight])) });
    return { version };
  });
}
