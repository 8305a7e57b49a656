// Writes one batch of validated rows in one transaction. The batch's credit codes are looked up once; rows
// of enterprises not yet registered go straight into the target tables by COPY (organisation, profile,
// fiscal years, IP counts: the bulk of a first import), rows of registered ones through a per-session staging
// table and one INSERT … SELECT … ON CONFLICT per target. Then one audit row. A row lands in every table or in
// none. Updates that would change nothing are skipped, so re-importing the same file writes (almost) nothing.
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import type { AuditActor } from '../../platform/auth/actor.ts';
import { uuidV7 } from '../../platform/ids/uuid-v7.ts';
import { copyIn, copyValue } from './copy-in.ts';
import { FISCAL_COLUMNS as FISCAL, IP_KEYS, prepareRow, PROFILE_COLUMNS as PROFILE, type PreparedRow } from './prepared-row.ts';
import { IP_COLUMNS, notAnEnterprise, type ImportRow, type RowError } from './validate-row.ts';

export type BatchOutcome = { imported: number; createdOrganisations: number; rejected: { rowNumber: number; uscc: string; name: string; errors: RowError[] }[] };

/** `audit` replaces the import's audit entry when the batch is one user's edit rather than a file. */
export type BatchAudit = { action: string; entityType: string; entityId: string; after: unknown };

const IP_STAGE = IP_KEYS.map((k) => `ip_${IP_COLUMNS[k]}`);
const STAGE_COLUMNS = ['org_id', 'row_number', 'uscc', 'name', 'district', ...PROFILE, 'year', ...FISCAL, ...IP_STAGE];

const CREATE_STAGE = `CREATE TEMP TABLE IF NOT EXISTS registry_import_stage (
  org_id uuid, row_number int, uscc text, name text, district text, founded_on date, industry_code text, tech_field text, cluster text, listed boolean, year int,
  ${FISCAL.map((c) => `${c} ${c.endsWith('_fen') ? 'bigint' : 'int'}`).join(', ')}, ${IP_STAGE.map((c) => `${c} int`).join(', ')}
) ON COMMIT DELETE ROWS`;
const COPY_STAGE = `COPY registry_import_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN`;
const FROM_STAGE = 'FROM registry_import_stage s';

/** Statements for the rows of already registered enterprises (staged with their organisation id). */
const UPSERT = {
  organisations: `UPDATE organisations o SET name = s.name, district_code = s.district, updated_at = now()
    FROM (SELECT DISTINCT ON (org_id) org_id, name, district FROM registry_import_stage ORDER BY org_id, row_number DESC) s
    WHERE o.region_code = $1 AND o.id = s.org_id AND (o.name, o.district_code) IS DISTINCT FROM (s.name, s.district)`,
  profiles: `INSERT INTO registry_enterprises (region_code, organisation_id, ${PROFILE.join(', ')})
    SELECT DISTINCT ON (s.org_id) $1, s.org_id, ${PROFILE.map((c) => `s.${c}`).join(', ')} ${FROM_STAGE} ORDER BY s.org_id, s.row_number DESC
    ON CONFLICT (region_code, organisation_id) DO UPDATE SET ${PROFILE.map((c) => `${c} = coalesce(EXCLUDED.${c}, registry_enterprises.${c})`).join(', ')}, updated_at = now()
      WHERE (${PROFILE.map((c) => `registry_enterprises.${c}`).join(', ')}) IS DISTINCT FROM (${PROFILE.map((c) => `coalesce(EXCLUDED.${c}, registry_enterprises.${c})`).join(', ')})`,
  fiscal: `INSERT INTO registry_fiscal_years (region_code, organisation_id, year, ${FISCAL.join(', ')})
    SELECT $1, s.org_id, s.year, ${FISCAL.map((c) => `s.${c}`).join(', ')} ${FROM_STAGE}
    ON CONFLICT (region_code, organisation_id, year) DO UPDATE SET ${FISCAL.map((c) => `${c} = coalesce(EXCLUDED.${c}, registry_fiscal_years.${c})`).join(', ')}
      WHERE (${FISCAL.map((c) => `registry_fiscal_years.${c}`).join(', ')}) IS DISTINCT FROM (${FISCAL.map((c) => `coalesce(EXCLUDED.${c}, registry_fiscal_years.${c})`).join(', ')})`,
  ip: `INSERT INTO registry_ip_holdings (region_code, organisation_id, kind, status, acquisition, count)
    SELECT DISTINCT ON (s.org_id, v.kind) $1, s.org_id, v.kind, 'granted', 'self', v.n ${FROM_STAGE}
    CROSS JOIN LATERAL (VALUES ${IP_KEYS.map((k) => `('${IP_COLUMNS[k]}', s.ip_${IP_COLUMNS[k]})`).join(', ')}) AS v(kind, n)
    WHERE v.n IS NOT NULL ORDER BY s.org_id, v.kind, s.row_number DESC
    ON CONFLICT (region_code, organisation_id, kind, status, acquisition) DO UPDATE SET count = EXCLUDED.count WHERE registry_ip_holdings.count <> EXCLUDED.count`,
};

/** COPY targets for the rows of enterprises this batch registers. */
const COPY_NEW = {
  organisations: 'COPY organisations (region_code, id, kind, name, uscc, district_code) FROM STDIN',
  profiles: `COPY registry_enterprises (region_code, organisation_id, ${PROFILE.join(', ')}) FROM STDIN`,
  fiscal: `COPY registry_fiscal_years (region_code, organisation_id, year, ${FISCAL.join(', ')}) FROM STDIN`,
  ip: 'COPY registry_ip_holdings (region_code, organisation_id, kind, status, acquisition, count) FROM STDIN',
};

const linesOf = (lines: string[]): string => `${lines.join('\n')}\n`;

/** The COPY texts for the rows of enterprises not yet registered: one organisation per credit code, its last row winning. */
function newEnterpriseText(region: string, rows: readonly PreparedRow[], orgIds: ReadonlyMap<string, string>) {
  const last = new Map<string, PreparedRow>();
  const fiscal: string[] = [];
  for (const r of rows) {
    last.set(r.uscc, r);
    fiscal.push(`${region}\t${orgIds.get(r.uscc)!}\t${r.fiscal}`);
  }
  const organisations: string[] = [];
  const profiles: string[] = [];
  const ip: string[] = [];
  for (const [uscc, r] of last) {
    const head = `${region}\t${orgIds.get(uscc)!}\t`;
    organisations.push(head + r.organisation);
    profiles.push(head + r.profile);
    for (const i of r.ip) ip.push(head + i);
  }
  return { count: last.size, organisations: linesOf(organisations), profiles: linesOf(profiles), fiscal: linesOf(fiscal), ip: ip.length === 0 ? null : linesOf(ip) };
}

/** Writes validated rows (the edit path and the demo); an import's reader prepares its rows itself. */
export function writeBatch(client: pg.PoolClient, regionCode: string, jobId: string, actor: AuditActor, rows: readonly ImportRow[], audit?: BatchAudit): Promise<BatchOutcome> {
  return writePreparedBatch(client, regionCode, jobId, actor, rows.map(prepareRow), audit);
}

export async function writePreparedBatch(client: pg.PoolClient, regionCode: string, jobId: string, actor: AuditActor, rows: readonly PreparedRow[], audit?: BatchAudit): Promise<BatchOutcome> {
  // Another writer may register one of the batch's enterprises between the lookup and the COPY: the unique
  // credit-code index refuses it, the transaction rolls back, and the retry finds it registered.
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeOnce(client, regionCode, jobId, actor, rows, audit);
    } catch (err) {
      if (attempt >= 3 || (err as { constraint?: string }).constraint !== 'organisations_region_uscc') throw err;
    }
  }
}

async function writeOnce(client: pg.PoolClient, regionCode: string, jobId: string, actor: AuditActor, rows: readonly PreparedRow[], audit?: BatchAudit): Promise<BatchOutcome> {
  // Asynchronous commit: a batch does not wait for its WAL flush. A crash can lose only the last few batches,
  // and WAL order means it then also loses the job's later checkpoint, so the resumed import rewrites them.
  await client.query('BEGIN; SET LOCAL synchronous_commit TO off');
  try {
    const usccs = [...new Set(rows.map((r) => r.uscc))];
    const found = await client.query<{ uscc: string; id: string; kind: string }>(
      'SELECT uscc, id, kind FROM organisations WHERE region_code = $1 AND uscc = ANY($2::text[])', [regionCode, usccs]);
    const orgIds = new Map<string, string>();
    const notEnterprise = new Set<string>();
    for (const o of found.rows) { if (o.kind === 'enterprise') orgIds.set(o.uscc, o.id); else notEnterprise.add(o.uscc); }
    const registered: PreparedRow[] = [];
    const unregistered: PreparedRow[] = [];
    const now = Date.now();
    for (const r of rows) {
      if (notEnterprise.has(r.uscc)) continue;
      if (orgIds.has(r.uscc)) { registered.push(r); continue; }
      orgIds.set(r.uscc, uuidV7(now));
      unregistered.push(r);
    }
    const region = copyValue(regionCode);
    let created = 0;
    if (unregistered.length > 0) {
      const t = newEnterpriseText(region, unregistered, orgIds);
      await copyIn(client, COPY_NEW.organisations, t.organisations);
      await copyIn(client, COPY_NEW.profiles, t.profiles);
      await copyIn(client, COPY_NEW.fiscal, t.fiscal);
      if (t.ip) await copyIn(client, COPY_NEW.ip, t.ip);
      created = t.count;
    }
    if (registered.length > 0) {
      await client.query(CREATE_STAGE);
      await copyIn(client, COPY_STAGE, linesOf(registered.map((r) => `${orgIds.get(r.uscc)!}\t${r.stage}`)));
      await client.query(UPSERT.organisations, [regionCode]);
      await client.query(UPSERT.profiles, [regionCode]);
      await client.query(UPSERT.fiscal, [regionCode]);
      await client.query(UPSERT.ip, [regionCode]);
    }
    const good = notEnterprise.size === 0 ? rows : rows.filter((r) => !notEnterprise.has(r.uscc));
    // Last statement before COMMIT: the region's audit lock is held for as short as possible.
    await appendAudit(drizzle(client), actor, audit ? { regionCode, ...audit } : {
      regionCode, action: 'registry.rows_imported', entityType: 'import_job', entityId: jobId,
      after: { rows: good.length, firstRow: good[0]?.rowNumber ?? null, lastRow: good.at(-1)?.rowNumber ?? null, organisationsCreated: created },
    });
    await client.query('COMMIT');
    const rejected = rows.filter((r) => notEnterprise.has(r.uscc)).map((r) => ({ rowNumber: r.rowNumber, uscc: r.uscc, name: r.name, errors: [notAnEnterprise(r.uscc)] }));
    return { imported: good.length, createdOrganisations: created, rejected };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
