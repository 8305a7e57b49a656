// The innovation platforms sheet: one row per platform with its host organisation (an enterprise, university
// or institute). Natural key (host's credit code, platform name); an empty revocation date keeps a stored one.
import { LEVELS } from '../../reference.ts';
import { readCells } from './cells.ts';
import type { KindRow, SheetKind } from './sheet-kind.ts';
import { ADMIN_LEVELS, PLATFORM_NAMES } from './vocabularies.ts';

export type PlatformRow = KindRow & { name: string; kind: string; level: string; approvedOn: string; revokedOn: string | null };

const COLUMNS = [
  { key: 'uscc', header: '依托单位统一社会信用代码', en: "Host organisation's credit code", required: true, example: '91410300MA44KC0015' },
  { key: 'hostName', header: '依托单位名称', en: 'Host organisation', example: '洛阳示例科技有限公司' },
  { key: 'name', header: '平台名称', en: 'Platform name', required: true, example: '洛阳市精密轴承工程技术研究中心' },
  { key: 'kind', header: '平台类型', en: 'Platform kind', required: true, example: '工程技术研究中心' },
  { key: 'level', header: '级别', en: 'Level', required: true, example: '市级' },
  { key: 'approvedOn', header: '认定日期', en: 'Approved on', required: true, example: '2021-09-20' },
  { key: 'revokedOn', header: '撤销日期', en: 'Revoked on', example: '' },
] as const;
type Key = (typeof COLUMNS)[number]['key'];

export const PLATFORMS: SheetKind<Key, PlatformRow> = {
  id: 'platforms',
  title: { zh: '创新平台', en: 'Innovation platforms' },
  columns: COLUMNS,
  enterpriseOnly: false,
  keyWords: { zh: '依托单位和平台名称', en: 'host and platform name' },
  validate(rowNumber, cells, ctx) {
    const c = readCells(COLUMNS, cells, ctx);
    const uscc = c.uscc('uscc');
    c.name('hostName');
    const name = c.name('name');
    const kind = c.choice('kind', PLATFORM_NAMES);
    const level = c.choice<(typeof LEVELS)[number]>('level', ADMIN_LEVELS);
    const approvedOn = c.date('approvedOn', true);
    const revokedOn = c.date('revokedOn', true);
    if (approvedOn !== null && revokedOn !== null && revokedOn < approvedOn)
      c.fail('revokedOn', 'revoked_before_approved', `${revokedOn} 早于认定日期 ${approvedOn}`, `${revokedOn} is before the approval date ${approvedOn}`);
    const key = `${uscc}|${name}`;
    if (uscc !== null && name !== null) c.uniqueKey('name', key, rowNumber, PLATFORMS.keyWords);
    if (c.errors.length > 0) return { ok: false, errors: c.errors };
    return { ok: true, key, row: { rowNumber, uscc: uscc!, name: name!, kind: kind!, level: level!, approvedOn: approvedOn!, revokedOn } };
  },
  async upsert(client, regionCode, rows) {
    const { rows: [r] } = await client.query<{ n: number }>(
      `WITH up AS (
         INSERT INTO registry_platforms (region_code, id, host_organisation_id, name, kind, level, approved_on, revoked_on)
         SELECT $1, gen_random_uuid(), t.o, t.n, t.k, t.l, t.a, t.r FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[]) AS t(o, n, k, l, a, r)
         ON CONFLICT (region_code, host_organisation_id, name) DO UPDATE SET kind = EXCLUDED.kind, level = EXCLUDED.level, approved_on = EXCLUDED.approved_on,
           revoked_on = coalesce(EXCLUDED.revoked_on, registry_platforms.revoked_on)
           WHERE (registry_platforms.kind, registry_platforms.level, registry_platforms.approved_on, registry_platforms.revoked_on)
             IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.level, EXCLUDED.approved_on, coalesce(EXCLUDED.revoked_on, registry_platforms.revoked_on))
         RETURNING 1)
       SELECT count(*)::int AS n FROM up`,
      [regionCode, rows.map((x) => x.organisationId), rows.map((x) => x.name), rows.map((x) => x.kind), rows.map((x) => x.level), rows.map((x) => x.approvedOn), rows.map((x) => x.revokedOn)],
    );
    return r!.n;
  },
};
