// An enterprise (or bureau staff) edits one year of annual data. The same row rules as the import apply
// (negative amounts, ratios above 100%, science staff above employees, future years), so the two paths can
// never disagree; the write and its audit row commit together.
import type pg from 'pg';
import { auditActorOf, type UserActor } from '../../platform/auth/actor.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { MONEY_KEYS, validateRow, type MoneyKey } from '../import/validate-row.ts';
import { writeBatch } from '../import/write-batch.ts';
import { findEnterpriseScope } from './get-enterprise.ts';

export type FiscalYearInput = Partial<Record<`${MoneyKey}Fen`, string | null>> & {
  employees?: number | null; scienceStaff?: number | null; rdStaff?: number | null; conversions?: number | null;
};

export function fenToWan(fen: string): string {
  const v = BigInt(fen);
  const abs = v < 0n ? -v : v;
  return `${v < 0n ? '-' : ''}${abs / 1_000_000n}.${(abs % 1_000_000n).toString().padStart(6, '0')}`;
}

export async function saveFiscalYear(pool: pg.Pool, actor: UserActor, id: string, year: number, input: FiscalYearInput, requestId?: string, today = new Date().toISOString().slice(0, 10)) {
  const scope = await findEnterpriseScope(pool, actor, id);
  const { rows } = await pool.query<{ uscc: string; name: string; district_code: string | null }>(
    'SELECT uscc, name, district_code FROM organisations WHERE region_code = $1 AND id = $2', [scope.regionCode, id]);
  const org = rows[0]!;
  const cells: Record<string, string> = { uscc: org.uscc, name: org.name, districtCode: org.district_code ?? scope.regionCode, year: String(year) };
  for (const k of MONEY_KEYS) {
    const v = input[`${k}Fen`];
    if (v !== undefined && v !== null) cells[k] = fenToWan(v);
  }
  for (const k of ['employees', 'scienceStaff', 'rdStaff', 'conversions'] as const) {
    const v = input[k];
    if (v !== undefined && v !== null) cells[k] = String(v);
  }
  const districts = new Set([scope.regionCode, org.district_code ?? scope.regionCode]);
  const verdict = validateRow(0, cells, { districts, today, seen: new Map() });
  if (!verdict.ok) {
    const e = verdict.errors[0]!;
    const field = e.column === null ? null : MONEY_KEYS.includes(e.column as MoneyKey) ? `${e.column}Fen` : e.column;
    throw new DomainError(e.rule, field, { zh: e.message, en: e.message_en });
  }
  const client = await pool.connect();
  try {
    // The import's batch writer: the same upsert (empty fields keep stored values), audited in its transaction.
    await writeBatch(client, scope.regionCode, id, auditActorOf(actor, requestId), [verdict.row],
      { action: 'registry.fiscal_year_saved', entityType: 'enterprise', entityId: id, after: { year, ...input } });
  } finally {
    client.release();
  }
  return { year };
}
