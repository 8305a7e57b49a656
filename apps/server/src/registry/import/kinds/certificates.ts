// The certificates sheet: one row per certificate held. Natural key (credit code, kind, number): the same
// certificate imported again updates its level and validity, or writes nothing when they are unchanged.
import { readCells } from './cells.ts';
import type { KindRow, SheetKind } from './sheet-kind.ts';
import { ADMIN_LEVELS, CERTIFICATE_NAMES } from './vocabularies.ts';

export type CertificateRow = KindRow & { kind: string; level: string; number: string; validFrom: string; validUntil: string };

const COLUMNS = [
  { key: 'uscc', header: '统一社会信用代码', en: 'Unified social credit code', required: true, example: '91410300MA44KC0015' },
  { key: 'name', header: '企业名称', en: 'Enterprise name', example: '洛阳示例科技有限公司' },
  { key: 'kind', header: '证书类型', en: 'Certificate kind', required: true, example: '高新技术企业' },
  { key: 'level', header: '级别', en: 'Level', required: true, example: '国家级' },
  { key: 'number', header: '证书编号', en: 'Certificate number', required: true, example: 'GR202441000123' },
  { key: 'validFrom', header: '有效期起', en: 'Valid from', required: true, example: '2024-12-01' },
  { key: 'validUntil', header: '有效期至', en: 'Valid until', required: true, example: '2027-11-30' },
] as const;
type Key = (typeof COLUMNS)[number]['key'];

export const CERTIFICATES: SheetKind<Key, CertificateRow> = {
  id: 'certificates',
  title: { zh: '资质证书', en: 'Certificates' },
  columns: COLUMNS,
  enterpriseOnly: true,
  keyWords: { zh: '信用代码、证书类型和证书编号', en: 'credit code, kind and number' },
  validate(rowNumber, cells, ctx) {
    const c = readCells(COLUMNS, cells, ctx);
    const uscc = c.uscc('uscc');
    c.name('name');
    const kind = c.choice('kind', CERTIFICATE_NAMES);
    const level = c.choice('level', ADMIN_LEVELS);
    const number = c.name('number', 100);
    // A certificate may take effect on a date still ahead (announced in December, valid from January).
    const validFrom = c.date('validFrom', false);
    const validUntil = c.date('validUntil', false);
    if (validFrom !== null && validUntil !== null && validUntil < validFrom)
      c.fail('validUntil', 'valid_until_before_from', `${validUntil} 早于有效期起 ${validFrom}`, `${validUntil} is before the start of validity ${validFrom}`);
    const key = `${uscc}|${kind}|${number}`;
    if (uscc !== null && kind !== null && number !== null) c.uniqueKey('number', key, rowNumber, CERTIFICATES.keyWords);
    if (c.errors.length > 0) return { ok: false, errors: c.errors };
    return { ok: true, key, row: { rowNumber, uscc: uscc!, kind: kind!, level: level!, number: number!, validFrom: validFrom!, validUntil: validUntil! } };
  },
  async upsert(client, regionCode, rows) {
    const { rows: [r] } = await client.query<{ n: number }>(
      `WITH up AS (
         INSERT INTO registry_certificates (region_code, organisation_id, id, kind, level, number, valid_from, valid_until)
         SELECT $1, t.o, gen_random_uuid(), t.k, t.l, t.n, t.f, t.u FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[]) AS t(o, k, l, n, f, u)
         ON CONFLICT (region_code, organisation_id, kind, number) DO UPDATE SET level = EXCLUDED.level, valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until
           WHERE (registry_certificates.level, registry_certificates.valid_from, registry_certificates.valid_until) IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.valid_from, EXCLUDED.valid_until)
         RETURNING 1)
       SELECT count(*)::int AS n FROM up`,
      [regionCode, rows.map((x) => x.organisationId), rows.map((x) => x.kind), rows.map((x) => x.level), rows.map((x) => x.number), rows.map((x) => x.validFrom), rows.map((x) => x.validUntil)],
    );
    return r!.n;
  },
};
