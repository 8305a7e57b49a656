// The talents and teams sheet: one row per talent or team selected by a programme (e.g. 河洛英才计划), linked
// to the organisation that employs it. Natural key (organisation's credit code, name, programme): one team
// selected by two programmes is two rows.
import { readCells } from './cells.ts';
import type { KindRow, SheetKind } from './sheet-kind.ts';
import { TALENT_KINDS } from './vocabularies.ts';

export type TalentRow = KindRow & { name: string; kind: 'team' | 'individual'; programme: string; year: number };

const COLUMNS = [
  { key: 'uscc', header: '所属单位统一社会信用代码', en: "Organisation's credit code", required: true, example: '91410300MA44KC0015' },
  { key: 'organisationName', header: '所属单位名称', en: 'Organisation', example: '洛阳示例科技有限公司' },
  { key: 'name', header: '人才或团队名称', en: 'Talent or team', required: true, example: '精密轴承创新团队' },
  { key: 'kind', header: '类型', en: 'Kind', required: true, example: '团队' },
  { key: 'programme', header: '人才计划', en: 'Programme', required: true, example: '河洛英才计划' },
  { key: 'year', header: '入选年度', en: 'Year selected', required: true, example: '2023' },
] as const;
type Key = (typeof COLUMNS)[number]['key'];

export const TALENTS: SheetKind<Key, TalentRow> = {
  id: 'talents',
  title: { zh: '人才团队', en: 'Talents and teams' },
  columns: COLUMNS,
  enterpriseOnly: false,
  keyWords: { zh: '所属单位、名称和人才计划', en: 'organisation, name and programme' },
  validate(rowNumber, cells, ctx) {
    const c = readCells(COLUMNS, cells, ctx);
    const uscc = c.uscc('uscc');
    c.name('organisationName');
    const name = c.name('name');
    const kind = c.choice<'team' | 'individual'>('kind', TALENT_KINDS);
    const programme = c.name('programme', 100);
    const year = c.year('year');
    const key = `${uscc}|${name}|${programme}`;
    if (uscc !== null && name !== null && programme !== null) c.uniqueKey('name', key, rowNumber, TALENTS.keyWords);
    if (c.errors.length > 0) return { ok: false, errors: c.errors };
    return { ok: true, key, row: { rowNumber, uscc: uscc!, name: name!, kind: kind!, programme: programme!, year: year! } };
  },
  async upsert(client, regionCode, rows) {
    const { rows: [r] } = await client.query<{ n: number }>(
      `WITH up AS (
         INSERT INTO registry_talents (region_code, id, organisation_id, name, kind, programme, year)
         SELECT $1, gen_random_uuid(), t.o, t.n, t.k, t.p, t.y FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[]) AS t(o, n, k, p, y)
         ON CONFLICT (region_code, organisation_id, name, programme) DO UPDATE SET kind = EXCLUDED.kind, year = EXCLUDED.year
           WHERE (registry_talents.kind, registry_talents.year) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.year)
         RETURNING 1)
       SELECT count(*)::int AS n FROM up`,
      [regionCode, rows.map((x) => x.organisationId), rows.map((x) => x.name), rows.map((x) => x.kind), rows.map((x) => x.programme), rows.map((x) => x.year)],
    );
    return r!.n;
  },
};
