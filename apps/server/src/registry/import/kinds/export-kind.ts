// Exports certificates, honours, platforms or talents in the layout of their import templates (Chinese headers,
// closed-list values by their Chinese names, amounts in 万元), so an export can be edited and imported back and
// writes nothing when imported unchanged. Streams page by page in primary-key order (keyset paging, never the
// whole table in memory); the scope is the enterprise export's: bureau staff their region, anyone else the rows
// of their own organisation. Filters apply to the organisation a row belongs to.
import type { Writable } from 'node:stream';
import type pg from 'pg';
import type { UserActor } from '../../../platform/auth/actor.ts';
import { fenToWan } from '../../enterprises/save-fiscal-year.ts';
import { scopeCondition } from '../../scope.ts';
import type { ExportFilter } from '../export-enterprises.ts';
import type { SheetFormat } from '../read-sheet.ts';
import { writeSheet } from '../write-sheet.ts';
import type { CERTIFICATES } from './certificates.ts';
import type { HONOURS } from './honours.ts';
import type { PLATFORMS } from './platforms.ts';
import { templateHeaderOf, type SheetKind, type SheetKindId } from './sheet-kind.ts';
import { SHEET_KINDS } from './sheet-kinds.ts';
import type { TALENTS } from './talents.ts';
import { ADMIN_LEVELS, CERTIFICATE_NAMES, HONOUR_KINDS, PLATFORM_NAMES, STANDARD_LEVELS, STANDARD_ROLES, TALENT_KINDS, type Vocabulary } from './vocabularies.ts';

type Row = Record<string, string | null>;
type KeyOf<S> = S extends SheetKind<infer K> ? K : never;

/** How one kind is read back: its table, the column naming its organisation, its primary key (paging order) and its cells. */
type KindExport<K extends string> = {
  table: string;
  organisationColumn: string;
  primaryKey: readonly (readonly [column: string, type: 'text' | 'uuid'])[];
  /** Columns of `e` (as text) that `cells` reads besides the organisation's `uscc` and `org_name`. */
  select: string;
  /** Every column of the kind's template (a column added to the template cannot be forgotten here), from the selected values. */
  cells(r: (column: string) => string | null): Record<K, string | null>;
};

/** The stored code as the template spells it (its Chinese name); an unknown code is written as it is stored. */
function zh(dict: Vocabulary, code: string | null): string | null {
  return code === null ? null : dict[code]?.zh ?? code;
}

/** fen → 万元 without trailing zeros ("1500", "12.5"), which the import reads back exactly. */
function wan(fen: string | null): string | null {
  return fen === null ? null : fenToWan(fen).replace(/\.?0+$/, '');
}

const HONOUR_LEVELS: Record<string, Vocabulary> = { award: ADMIN_LEVELS, rd_institution: ADMIN_LEVELS, standard: STANDARD_LEVELS };

const certificates: KindExport<KeyOf<typeof CERTIFICATES>> = {
  table: 'registry_certificates', organisationColumn: 'organisation_id', primaryKey: [['region_code', 'text'], ['organisation_id', 'uuid'], ['id', 'uuid']],
  select: 'e.kind, e.level, e.number, e.valid_from::text AS valid_from, e.valid_until::text AS valid_until',
  cells: (r) => ({
    uscc: r('uscc'), name: r('org_name'), kind: zh(CERTIFICATE_NAMES, r('kind')), level: zh(ADMIN_LEVELS, r('level')), number: r('number'),
    validFrom: r('valid_from'), validUntil: r('valid_until'),
  }),
};

const honours: KindExport<KeyOf<typeof HONOURS>> = {
  table: 'registry_honours', organisationColumn: 'organisation_id', primaryKey: [['region_code', 'text'], ['organisation_id', 'uuid'], ['id', 'uuid']],
  select: 'e.kind, e.name, e.level, e.role, e.rank::text AS rank, e.year::text AS year, e.amount_fen::text AS amount_fen, e.on_date::text AS on_date',
  cells: (r) => {
    const levels = HONOUR_LEVELS[r('kind') ?? ''];
    return {
      uscc: r('uscc'), enterpriseName: r('org_name'), kind: zh(HONOUR_KINDS, r('kind')), name: r('name'),
      // An equity round has no level: the import does not read one, so none is written.
      level: levels === undefined ? null : zh(levels, r('level')), role: zh(STANDARD_ROLES, r('role')),
      rank: r('rank'), year: r('year'), amount: wan(r('amount_fen')), onDate: r('on_date'),
    };
  },
};

const platforms: KindExport<KeyOf<typeof PLATFORMS>> = {
  table: 'registry_platforms', organisationColumn: 'host_organisation_id', primaryKey: [['region_code', 'text'], ['id', 'uuid']],
  select: 'e.name, e.kind, e.level, e.approved_on::text AS approved_on, e.revoked_on::text AS revoked_on',
  cells: (r) => ({
    uscc: r('uscc'), hostName: r('org_name'), name: r('name'), kind: zh(PLATFORM_NAMES, r('kind')), level: zh(ADMIN_LEVELS, r('level')),
    approvedOn: r('approved_on'), revokedOn: r('revoked_on'),
  }),
};

const talents: KindExport<KeyOf<typeof TALENTS>> = {
  table: 'registry_talents', organisationColumn: 'organisation_id', primaryKey: [['region_code', 'text'], ['id', 'uuid']],
  select: 'e.name, e.kind, e.programme, e.year::text AS year',
  cells: (r) => ({
    uscc: r('uscc'), organisationName: r('org_name'), name: r('name'), kind: zh(TALENT_KINDS, r('kind')), programme: r('programme'), year: r('year'),
  }),
};

const EXPORTS: { [I in SheetKindId]: KindExport<string> } = { certificates, honours, platforms, talents };

export async function exportKind(pool: pg.Pool, actor: UserActor, id: SheetKindId, f: ExportFilter, format: SheetFormat, out: Writable, pageSize = 1000): Promise<void> {
  const kind = SHEET_KINDS[id];
  const x = EXPORTS[id];
  const scope = scopeCondition(actor, 1, x.organisationColumn);
  const params: unknown[] = [...scope.params];
  const where = [scope.sql];
  const add = (cond: (n: number) => string, v: unknown) => { params.push(v); where.push(cond(params.length)); };
  if (f.q) add((n) => `(o.name ILIKE $${n} OR o.uscc ILIKE $${n})`, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.district) add((n) => `o.district_code = $${n}`, f.district);
  if (f.cluster) {
    add((n) => `EXISTS (SELECT 1 FROM registry_enterprises c WHERE c.region_code = o.region_code AND c.organisation_id = o.id AND c.cluster = $${n})`, f.cluster);
  }
  const keyColumns = x.primaryKey.map(([c]) => `e.${c}`).join(', ');
  const cursorParams = x.primaryKey.map(([, type], i) => `$${params.length + 1 + i}::${type}`).join(', ');
  const sql = (paged: boolean) =>
    `SELECT ${x.primaryKey.map(([c]) => `e.${c}::text AS "key_${c}"`).join(', ')}, o.uscc, o.name AS org_name, ${x.select}
     FROM ${x.table} e JOIN organisations o ON o.region_code = e.region_code AND o.id = e.${x.organisationColumn}
     WHERE ${where.join(' AND ')}${paged ? ` AND (${keyColumns}) > (${cursorParams})` : ''}
     ORDER BY ${keyColumns} LIMIT ${pageSize}`;

  async function* rows(): AsyncIterable<(string | null)[]> {
    let after: (string | null)[] | null = null;
    for (;;) {
      const page: Row[] = (await pool.query<Row>(sql(after !== null), after === null ? params : [...params, ...after])).rows;
      for (const r of page) {
        const cells = x.cells((column) => r[column] ?? null);
        yield kind.columns.map((c) => cells[c.key] ?? null);
      }
      if (page.length < pageSize) return;
      const last: Row = page.at(-1)!;
      after = x.primaryKey.map(([c]) => last[`key_${c}`] ?? null);
    }
  }
  await writeSheet(format, kind.title.zh, kind.columns.map(templateHeaderOf), rows(), out);
}
