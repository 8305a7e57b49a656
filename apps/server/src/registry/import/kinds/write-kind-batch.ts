// Writes one batch of validated rows of a sheet kind in one transaction: finds each row's organisation by
// credit code in the region (a code the registry does not know, or — for certificates and honours — one that
// is not an enterprise, refuses the row by name: these sheets add to organisations, they do not create them),
// upserts the rest by the kind's natural key, and audits the batch when it changed something, so
// re-importing the same file writes nothing at all.
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { appendAudit } from '../../../platform/audit/append-audit.ts';
import type { AuditActor } from '../../../platform/auth/actor.ts';
import type { KindRow, SheetKind, SheetRowError } from './sheet-kind.ts';

export type KindBatchOutcome = { imported: number; changed: number; rejected: { row: KindRow; errors: SheetRowError[] }[] };

export async function writeKindBatch(client: pg.PoolClient, kind: SheetKind, regionCode: string, jobId: string, actor: AuditActor, rows: readonly KindRow[]): Promise<KindBatchOutcome> {
  await client.query('BEGIN');
  try {
    const { rows: found } = await client.query<{ uscc: string; id: string; kind: string }>(
      'SELECT uscc, id, kind FROM organisations WHERE region_code = $1 AND uscc = ANY($2::text[])', [regionCode, [...new Set(rows.map((r) => r.uscc))]]);
    const byUscc = new Map(found.map((o) => [o.uscc, o]));
    const good: (KindRow & { organisationId: string })[] = [];
    const rejected: KindBatchOutcome['rejected'] = [];
    for (const row of rows) {
      const o = byUscc.get(row.uscc);
      const error = o === undefined ? unknownOrganisation(kind, row.uscc) : kind.enterpriseOnly && o.kind !== 'enterprise' ? notAnEnterprise(kind, row.uscc) : null;
      if (error) rejected.push({ row, errors: [error] });
      else good.push({ ...row, organisationId: o!.id });
    }
    const changed = good.length === 0 ? 0 : await kind.upsert(client, regionCode, good);
    if (changed > 0) {
      await appendAudit(drizzle(client), actor, {
        regionCode, action: `registry.${kind.id}_imported`, entityType: 'import_job', entityId: jobId,
        after: { rows: good.length, changed, firstRow: good[0]?.rowNumber ?? null, lastRow: good.at(-1)?.rowNumber ?? null },
      });
    }
    await client.query('COMMIT');
    return { imported: good.length, changed, rejected };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

function usccError(kind: SheetKind, rule: string, zh: string, en: string): SheetRowError {
  const c = kind.columns.find((x) => x.key === 'uscc')!;
  return { column: 'uscc', field: c.header, rule, message: `${c.header}：${zh}`, message_en: `${c.en}: ${en}` };
}

function unknownOrganisation(kind: SheetKind, uscc: string): SheetRowError {
  return usccError(kind, 'unknown_organisation', `${uscc} 不在本市名录中：请先导入该单位（企业名录）再导入此表`,
    `${uscc} is not in this city's registry: import the organisation (enterprise sheet) first`);
}

function notAnEnterprise(kind: SheetKind, uscc: string): SheetRowError {
  return usccError(kind, 'not_an_enterprise', `${uscc} 已登记为非企业机构（高校、银行等），${kind.title.zh}只登记企业`,
    `${uscc} is registered as an organisation that is not an enterprise; ${kind.title.en.toLowerCase()} are recorded for enterprises only`);
}
