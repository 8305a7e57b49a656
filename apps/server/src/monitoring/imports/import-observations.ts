// Imports observations from an Excel sheet. Checked first (see check-import.ts); with any error nothing is
// written; otherwise every row is upserted in one transaction with one audit entry. A dry run only checks.
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';
import type { AuditActor } from '../../platform/auth/actor.ts';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import { indicatorObservations, indicators } from '../schema.ts';
import { regionAndChildren } from '../series/observation-values.ts';
import { checkImport, type ImportIssue, type RawImportRow } from './check-import.ts';
import { readObservationSheet } from './observation-workbook.ts';

export type ImportResult = { rows: number; accepted: number; written: number; errorCount: number; warningCount: number; issues: ImportIssue[] };

export async function checkObservationFile(db: Db, regionCode: string, file: Buffer): Promise<{ raw: RawImportRow[]; check: ReturnType<typeof checkImport> }> {
  const raw = await readObservationSheet(file);
  const { self, children } = await regionAndChildren(db, regionCode);
  const regions = new Map([...(self ? [self] : []), ...children].map((r) => [r.code, { name: r.name }]));
  const catalogue = await db.select({ code: indicators.code, unit: indicators.unit }).from(indicators);
  const codes = [...new Set(raw.map((r) => String(r.indicatorCode ?? '').trim()))];
  const existing = codes.length === 0 ? [] : await db.select().from(indicatorObservations)
    .where(sql`${inArray(indicatorObservations.regionCode, [...regions.keys()])} AND ${inArray(indicatorObservations.indicatorCode, codes)}`);
  const check = checkImport(raw, {
    indicators: new Map(catalogue.map((c) => [c.code, { unit: c.unit }])),
    regions,
    existing: existing.map((e) => ({ regionCode: e.regionCode, indicatorCode: e.indicatorCode, period: e.period, value: Number(e.value) })),
  });
  return { raw, check };
}

export async function importObservations(db: Db, actor: AuditActor, regionCode: string, file: Buffer, dryRun: boolean): Promise<ImportResult> {
  const { raw, check } = await checkObservationFile(db, regionCode, file);
  const summary = { rows: raw.length, accepted: check.observations.length, errorCount: check.errorCount, warningCount: check.warningCount, issues: check.issues };
  if (dryRun || check.errorCount > 0 || check.observations.length === 0) return { ...summary, written: 0 };
  await db.transaction(async (tx) => {
    for (let i = 0; i < check.observations.length; i += 1000) {
      await tx.insert(indicatorObservations).values(check.observations.slice(i, i + 1000).map((o) => ({
        regionCode: o.regionCode, indicatorCode: o.indicatorCode, period: o.period, value: String(o.value), status: o.status, source: o.source,
      }))).onConflictDoUpdate({
        target: [indicatorObservations.regionCode, indicatorObservations.indicatorCode, indicatorObservations.period],
        set: { value: sql`excluded.value`, status: sql`excluded.status`, source: sql`excluded.source` },
      });
    }
    await appendAudit(tx, actor, {
      regionCode, action: 'observations.imported', entityType: 'observation_import', entityId: `${raw.length}-rows`,
      after: { rows: raw.length, written: check.observations.length, warnings: check.warningCount, regions: [...new Set(check.observations.map((o) => o.regionCode))].sort() },
    });
  });
  return { ...summary, written: check.observations.length };
}
