// Writes one packed batch (packed-batch.ts) in one transaction. The batch's credit codes are looked up once.
// Enterprises not yet registered go straight into their tables by COPY — when none is registered, the packed
// text is sent as it is, which is the whole of a first import. Lines of registered enterprises get the
// registered id and go through per-session staging tables shaped like their targets, then one INSERT … SELECT
// … ON CONFLICT per target (an empty cell keeps the stored value; updates that change nothing are skipped, so
// re-importing a file writes nothing). Then one audit row. A row lands in every table or in none.
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import type { AuditActor } from '../../platform/auth/actor.ts';
import { uuidV7 } from '../../platform/ids/uuid-v7.ts';
import { copyIn } from '../../platform/database/copy-in.ts';
import { FISCAL_COLUMNS as FISCAL, idOffset, packBatch, PROFILE_COLUMNS as PROFILE, type PackedBatch } from './packed-batch.ts';
import { notAnEnterprise, type ImportRow, type RowError } from './validate-row.ts';

export type BatchOutcome = { imported: number; createdOrganisations: number; rejected: { rowNumber: number; uscc: string; errors: RowError[] }[] };

/** `audit` replaces the import's audit entry when the batch is one user's edit rather than a file. */
export type BatchAudit = { action: string; entityType: string; entityId: string; after: unknown };

type Table = 'organisations' | 'profiles' | 'fiscal';

const TARGET: Record<Table, { table: string; columns: string }> = {
  organisations: { table: 'organisations', columns: 'region_code, id, kind, name, uscc, district_code' },
  profiles: { table: 'registry_enterprises', columns: `region_code, organisation_id, ${PROFILE.join(', ')}` },
  fiscal: { table: 'registry_fiscal_years', columns: `region_code, organisation_id, year, ${FISCAL.join(', ')}` },
};
const copyInto = (table: string, columns: string) => `COPY ${table} (${columns}) FROM STDIN`;
const stageOf = (t: Table) => `registry_import_stage_${t}`;

const CREATE_STAGES = `
  CREATE TEMP TABLE IF NOT EXISTS ${stageOf('organisations')} (region_code text, id uuid, kind text, name text, uscc text, district_code text) ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS ${stageOf('profiles')} (region_code text, organisation_id uuid, founded_on date, industry_code text, tech_field text, cluster text, listed boolean,
    ip_counts jsonb) ON COMMIT DELETE ROWS;
  CREATE TEMP TABLE IF NOT EXISTS ${stageOf('fiscal')} (region_code text, organisation_id uuid, year int,
    ${FISCAL.map((c) => `${c} ${c.endsWith('_fen') ? 'bigint' : 'int'}`).join(', ')}) ON COMMIT DELETE ROWS`;

/** What a column becomes: an empty cell keeps the stored value; IP counts given replace those of their kind, status and acquisition. */
const kept = (table: string, c: string) => (c === 'ip_counts'
  ? `CASE WHEN EXCLUDED.${c} IS NULL THEN ${table}.${c} ELSE coalesce(${table}.${c}, '{}'::jsonb) || EXCLUDED.${c} END`
  : `coalesce(EXCLUDED.${c}, ${table}.${c})`);

/** From the staging tables into the targets, for registered enterprises. */
const UPSERT: Record<Table, string> = {
  organisations: `UPDATE organisations o SET name = s.name, district_code = s.district_code, updated_at = now()
    FROM ${stageOf('organisations')} s
    WHERE o.region_code = s.region_code AND o.id = s.id AND (o.name, o.district_code) IS DISTINCT FROM (s.name, s.district_code)`,
  profiles: `INSERT INTO registry_enterprises (${TARGET.profiles.columns}) SELECT * FROM ${stageOf('profiles')}
    ON CONFLICT (region_code, organisation_id) DO UPDATE SET ${PROFILE.map((c) => `${c} = ${kept('registry_enterprises', c)}`).join(', ')}, updated_at = now()
      WHERE (${PROFILE.map((c) => `registry_enterprises.${c}`).join(', ')}) IS DISTINCT FROM (${PROFILE.map((c) => kept('registry_enterprises', c)).join(', ')})`,
  fiscal: `INSERT INTO registry_fiscal_years (${TARGET.fiscal.columns}) SELECT * FROM ${stageOf('fiscal')}
    ON CONFLICT (region_code, organisation_id, year) DO UPDATE SET ${FISCAL.map((c) => `${c} = ${kept('registry_fiscal_years', c)}`).join(', ')}
      WHERE (${FISCAL.map((c) => `registry_fiscal_years.${c}`).join(', ')}) IS DISTINCT FROM (${FISCAL.map((c) => kept('registry_fiscal_years', c)).join(', ')})`,
};

const TABLES: Table[] = ['organisations', 'profiles', 'fiscal'];

/** Writes validated rows (the edit path and the demo); an import's reader thread packs its batches itself. */
export function writeBatch(client: pg.PoolClient, regionCode: string, jobId: string, actor: AuditActor, rows: readonly ImportRow[], audit?: BatchAudit): Promise<BatchOutcome & { conflicted: boolean }> {
  const now = Date.now();
  return writePackedBatch(client, regionCode, jobId, actor, packBatch(regionCode, rows, () => uuidV7(now)), audit);
}

/**
 * `assumeUnregistered`: skip the lookup and COPY the packed text at once (a first import: no enterprise in the
 * file is registered yet). If one is, the credit-code index refuses the COPY, the transaction rolls back and
 * the batch is written again with the lookup; `outcome.conflicted` tells the caller to look up from then on.
 */
export async function writePackedBatch(client: pg.PoolClient, regionCode: string, jobId: string, actor: AuditActor, batch: PackedBatch,
  audit?: BatchAudit, assumeUnregistered = false): Promise<BatchOutcome & { conflicted: boolean }> {
  // Another writer may also register one of the batch's enterprises between the lookup and the COPY: the same
  // refusal, rollback and retry, which then finds it registered.
  let lookUp = !assumeUnregistered;
  for (let attempt = 1; ; attempt++) {
    try {
      return { ...await writeOnce(client, regionCode, jobId, actor, batch, audit, lookUp), conflicted: attempt > 1 };
    } catch (err) {
      if (attempt >= 3 || (err as { constraint?: string }).constraint !== 'organisations_region_uscc') throw err;
      lookUp = true;
    }
  }
}

/** A table's lines and the credit code of each (organisation lines hold it; the others, the enterprise's id). */
function linesOf(batch: PackedBatch, t: Table, offset: number): { lines: string[]; codes: string[] } {
  const lines = textLines(batch[t]);
  const orgLines = t === 'organisations' ? lines : textLines(batch.organisations);
  const codeOf = new Map(orgLines.map((l) => [l.slice(offset, offset + 36), l.split('\t')[4]!]));
  return { lines, codes: lines.map((l) => codeOf.get(l.slice(offset, offset + 36))!) };
}

function textLines(bytes: Uint8Array): string[] {
  if (bytes.length === 0) return [];
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.slice(0, -1).split('\n');
}

/** The batch's distinct credit codes, `\n`-separated (one per organisation line). */
function codesOf(batch: PackedBatch): string {
  return textLines(batch.organisations).map((l) => l.split('\t')[4]!).join('\n');
}

async function writeOnce(client: pg.PoolClient, regionCode: string, jobId: string, actor: AuditActor, batch: PackedBatch, audit: BatchAudit | undefined, lookUp: boolean): Promise<BatchOutcome> {
  // Asynchronous commit: a batch does not wait for its WAL flush. A crash can lose only the last few batches,
  // and WAL order means it then also loses the job's later checkpoint, so the resumed import rewrites them.
  await client.query('BEGIN; SET LOCAL synchronous_commit TO off');
  try {
    const found = lookUp ? await client.query<{ uscc: string; id: string; kind: string }>(
      "SELECT uscc, id, kind FROM organisations WHERE region_code = $1 AND uscc = ANY(string_to_array($2, E'\\n'))", [regionCode, codesOf(batch)]) : { rows: [] };
    const registered = new Map<string, string>();
    const notEnterprise = new Set<string>();
    for (const o of found.rows) { if (o.kind === 'enterprise') registered.set(o.uscc, o.id); else notEnterprise.add(o.uscc); }

    let created = 0;
    const offset = idOffset(regionCode);
    if (found.rows.length === 0) { // nothing registered yet: the packed text as it is
      for (const t of TABLES) if (batch[t].length > 0) await copyIn(client, copyInto(TARGET[t].table, TARGET[t].columns), batch[t]);
      created = batch.enterprises;
    } else {
      const fresh: Record<Table, string[]> = { organisations: [], profiles: [], fiscal: [] };
      const staged: Record<Table, string[]> = { organisations: [], profiles: [], fiscal: [] };
      for (const t of TABLES) {
        const { lines, codes } = linesOf(batch, t, offset);
        for (let i = 0; i < lines.length; i++) {
          const code = codes[i]!;
          if (notEnterprise.has(code)) continue;
          const id = registered.get(code);
          if (id === undefined) fresh[t].push(lines[i]!);
          else staged[t].push(lines[i]!.slice(0, offset) + id + lines[i]!.slice(offset + 36));
        }
      }
      for (const t of TABLES) if (fresh[t].length > 0) await copyIn(client, copyInto(TARGET[t].table, TARGET[t].columns), `${fresh[t].join('\n')}\n`);
      created = fresh.organisations.length;
      if (staged.organisations.length > 0) {
        await client.query(CREATE_STAGES);
        for (const t of TABLES) if (staged[t].length > 0) await copyIn(client, copyInto(stageOf(t), TARGET[t].columns), `${staged[t].join('\n')}\n`);
        for (const t of TABLES) if (staged[t].length > 0) await client.query(UPSERT[t]);
      }
    }

    const rejected: BatchOutcome['rejected'] = [];
    if (notEnterprise.size > 0) {
      const { codes } = linesOf(batch, 'fiscal', offset);
      codes.forEach((code, i) => { if (notEnterprise.has(code)) rejected.push({ rowNumber: batch.rowNumbers[i]!, uscc: code, errors: [notAnEnterprise(code)] }); });
    }
    const imported = batch.rows - rejected.length;
    // Last statement before COMMIT: the region's audit lock is held for as short as possible.
    await appendAudit(drizzle(client), actor, audit ? { regionCode, ...audit } : {
      regionCode, action: 'registry.rows_imported', entityType: 'import_job', entityId: jobId,
      after: { rows: imported, firstRow: batch.firstRow || null, lastRow: batch.lastRow || null, organisationsCreated: created },
    });
    await client.query('COMMIT');
    return { imported, createdOrganisations: created, rejected };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
