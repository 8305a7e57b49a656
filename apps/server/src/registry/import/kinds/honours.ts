// The honours sheet: awards, recognised R&D institutions, standards and equity financing rounds, one per row,
// with a 类别 column saying which; each kind requires the cells its rule reads (an award its level and year,
// a standard its level and role, a round its amount and date). Natural key (credit code, kind, name, year):
// the year of a financing round is the year of its date; an institution or standard may have no year.
import { readCells } from './cells.ts';
import type { KindRow, SheetKind } from './sheet-kind.ts';
import { ADMIN_LEVELS, AWARD_LEVELS, HONOUR_KINDS, STANDARD_LEVELS, STANDARD_ROLES, type Vocabulary } from './vocabularies.ts';

export type HonourKind = keyof typeof HONOUR_KINDS;
export type HonourRow = KindRow & {
  kind: HonourKind; name: string; level: string | null; role: string | null; rank: number | null; year: number | null; amountFen: number | null; onDate: string | null;
};

const COLUMNS = [
  { key: 'uscc', header: '统一社会信用代码', en: 'Unified social credit code', required: true, example: '91410300MA44KC0015' },
  { key: 'enterpriseName', header: '企业名称', en: 'Enterprise name', example: '洛阳示例科技有限公司' },
  { key: 'kind', header: '类别', en: 'Kind', required: true, example: '科技奖励' },
  { key: 'name', header: '名称', en: 'Name', required: true, example: '河南省科学技术进步奖' },
  { key: 'level', header: '级别', en: 'Level', example: '省级' },
  { key: 'role', header: '角色', en: 'Role', example: '' },
  { key: 'rank', header: '奖励等级', en: 'Award grade', example: '2' },
  { key: 'year', header: '年度', en: 'Year', example: '2023' },
  { key: 'amount', header: '融资金额（万元）', en: 'Amount raised (10k yuan)', example: '' },
  { key: 'onDate', header: '融资日期', en: 'Date of the round', example: '' },
] as const;
type Key = (typeof COLUMNS)[number]['key'];

const LEVELS_OF: Record<HonourKind, Vocabulary> = { award: AWARD_LEVELS, rd_institution: ADMIN_LEVELS, standard: STANDARD_LEVELS, equity_round: {} };

export const HONOURS: SheetKind<Key, HonourRow> = {
  id: 'honours',
  title: { zh: '奖励、研发机构、标准与融资', en: 'Awards, R&D institutions, standards and financing' },
  columns: COLUMNS,
  enterpriseOnly: true,
  keyWords: { zh: '信用代码、类别、名称和年度', en: 'credit code, kind, name and year' },
  validate(rowNumber, cells, ctx) {
    const c = readCells(COLUMNS, cells, ctx);
    const uscc = c.uscc('uscc');
    c.name('enterpriseName');
    const kind = c.choice<HonourKind>('kind', HONOUR_KINDS);
    const name = c.name('name');
    const rank = c.integer('rank', 1, 5);
    let year = c.year('year');
    const amountFen = c.amountFen('amount');
    const onDate = c.date('onDate', true);
    let level: string | null = null;
    let role: string | null = null;
    if (kind !== null) {
      const what = HONOUR_KINDS[kind];
      if (kind !== 'equity_round') {
        level = c.choice('level', LEVELS_OF[kind]);
        c.need('level', level, `${what.zh}的级别`, `a ${what.en.toLowerCase()}`);
      }
      if (kind === 'award') c.need('year', year, '科技奖励的年度', 'an award');
      if (kind === 'standard') {
        role = c.choice('role', STANDARD_ROLES);
        c.need('role', role, '标准的角色（主导或参与）', 'a standard (lead or participant)');
      }
      if (kind === 'equity_round') {
        c.need('amount', amountFen, '股权融资的金额', 'an equity round');
        c.need('onDate', onDate, '股权融资的日期', 'an equity round');
        if (onDate !== null) {
          const y = Number(onDate.slice(0, 4));
          if (year !== null && year !== y) c.fail('year', 'year_not_of_date', `${year} 与融资日期 ${onDate} 不在同一年`, `${year} is not the year of the round's date ${onDate}`);
          year = y;
        }
      }
    }
    const key = `${uscc}|${kind}|${name}|${year ?? ''}`;
    if (uscc !== null && kind !== null && name !== null) c.uniqueKey('name', key, rowNumber, HONOURS.keyWords);
    if (c.errors.length > 0) return { ok: false, errors: c.errors };
    return {
      ok: true, key,
      row: { rowNumber, uscc: uscc!, kind: kind!, name: name!, level, role, rank: kind === 'award' ? rank : null, year, amountFen: kind === 'equity_round' ? amountFen : null, onDate: kind === 'equity_round' ? onDate : null },
    };
  },
  async upsert(client, regionCode, rows) {
    // An empty optional cell (grade, role, amount, date) never erases a stored value, as in the enterprise sheet.
    const keep = ['level', 'role', 'rank', 'amount_fen', 'on_date'];
    const { rows: [r] } = await client.query<{ n: number }>(
      `WITH up AS (
         INSERT INTO registry_honours (region_code, organisation_id, id, kind, name, level, role, rank, year, amount_fen, on_date)
         SELECT $1, t.o, gen_random_uuid(), t.k, t.n, t.l, t.r, t.rk, t.y, t.a, t.d
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::bigint[], $10::date[]) AS t(o, k, n, l, r, rk, y, a, d)
         ON CONFLICT (region_code, organisation_id, kind, name, year) DO UPDATE SET ${keep.map((k) => `${k} = coalesce(EXCLUDED.${k}, registry_honours.${k})`).join(', ')}
           WHERE (${keep.map((k) => `registry_honours.${k}`).join(', ')}) IS DISTINCT FROM (${keep.map((k) => `coalesce(EXCLUDED.${k}, registry_honours.${k})`).join(', ')})
         RETURNING 1)
       SELECT count(*)::int AS n FROM up`,
      [regionCode, rows.map((x) => x.organisationId), rows.map((x) => x.kind), rows.map((x) => x.name), rows.map((x) => x.level), rows.map((x) => x.role),
        rows.map((x) => x.rank), rows.map((x) => x.year), rows.map((x) => (x.amountFen === null ? null : String(x.amountFen))), rows.map((x) => x.onDate)],
    );
    return r!.n;
  },
};
