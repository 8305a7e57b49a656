// Installs the two preset frameworks for a region (skipping any that exist), audited.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';
import type { AuditActor } from '../../platform/auth/actor.ts';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { indexFrameworks } from '../schema.ts';
import { INDUSTRY_CODE, INNOVATIVE_CITY_CODE, industryPreset, innovativeCityPreset } from './framework-presets.ts';

export const DEMO_INDUSTRY_DATASET = 'luoyang-bearing';

export async function installPresets(db: Db, actor: AuditActor, regionCode: string): Promise<{ installed: string[] }> {
  const presets = [
    { code: INNOVATIVE_CITY_CODE, kind: 'composite' as const, ...innovativeCityPreset() },
    { code: INDUSTRY_CODE, kind: 'industry' as const, ...industryPreset(DEMO_INDUSTRY_DATASET) },
  ];
  return db.transaction(async (tx) => {
    const installed: string[] = [];
    for (const p of presets) {
      const exists = await tx.select({ code: indexFrameworks.code }).from(indexFrameworks)
        .where(and(eq(indexFrameworks.regionCode, regionCode), eq(indexFrameworks.code, p.code))).limit(1);
      if (exists[0]) continue;
      await tx.insert(indexFrameworks).values({ regionCode, code: p.code, kind: p.kind, nameZh: p.nameZh, nameEn: p.nameEn, definition: p.definition });
      await appendAudit(tx, actor, { regionCode, action: 'index_framework.created', entityType: 'index_framework', entityId: p.code, after: { kind: p.kind } });
      installed.push(p.code);
    }
    return { installed };
  });
}
