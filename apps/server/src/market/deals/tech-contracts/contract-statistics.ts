// Registered technology contracts by type, field, month (of registration, Beijing time) and region (the
// seller's district: where the technology came from). Only `registered` rows count, and each deal has at
// most one contract (unique key), so a deal reached by any route is counted once.
import { sql, type SQL } from 'drizzle-orm';
import { loadExcelJs } from '../../../platform/files/lazy-libraries.ts';
import type { UserActor } from '../../../platform/auth/actor.ts';
import { authorize, BUREAU_ROLES } from '../../../platform/auth/authorize.ts';
import type { Db } from '../../../platform/database/open-database.ts';
import { CONTRACT_TYPE_NAMES, type ContractType } from './contract-rules.ts';

export const statisticsDimensions = ['type', 'field', 'month', 'region'] as const;
export type StatisticsDimension = (typeof statisticsDimensions)[number];

export type StatisticsRow = { key: string; label: string; labelEn: string; contracts: number; totalFen: string; technologyFen: string };
export type Statistics = { regionCode: string; from: string | null; to: string | null; totals: Omit<StatisticsRow, 'key' | 'label' | 'labelEn'>; by: Record<StatisticsDimension, StatisticsRow[]> };

const KEY: Record<StatisticsDimension, SQL> = {
  type: sql`c.type`,
  field: sql`c.field`,
  month: sql`to_char(c.registered_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`,
  region: sql`coalesce(c.seller_district_code, c.region_code)`,
};

export async function contractStatistics(db: Db, actor: UserActor, filter: { from?: string; to?: string }): Promise<Statistics> {
  authorize(actor, { roles: BUREAU_ROLES });
  const region = actor.regionCode;
  const prefix = region.endsWith('0000') ? region.slice(0, 2) : region.endsWith('00') ? region.slice(0, 4) : region;
  const where = sql`c.status = 'registered' AND c.region_code LIKE ${prefix + '%'}
    ${filter.from ? sql`AND c.registered_at >= (${filter.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')` : sql``}
    ${filter.to ? sql`AND c.registered_at < ((${filter.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')` : sql``}`;
  const totalsRow = (await db.execute<{ n: string; total: string | null; tech: string | null }>(sql`
    SELECT count(*) AS n, sum(c.total_fen)::text AS total, sum(c.technology_fen)::text AS tech FROM market_tech_contracts c WHERE ${where}`)).rows[0]!;
  const by = {} as Record<StatisticsDimension, StatisticsRow[]>;
  for (const dim of statisticsDimensions) {
    const { rows } = await db.execute<{ key: string; n: string; total: string; tech: string; region_name: string | null; region_name_en: string | null }>(sql`
      SELECT ${KEY[dim]} AS key, count(*) AS n, sum(c.total_fen)::text AS total, sum(c.technology_fen)::text AS tech,
             max(r.name) AS region_name, max(r.name_en) AS region_name_en
      FROM market_tech_contracts c LEFT JOIN regions r ON r.code = coalesce(c.seller_district_code, c.region_code)
      WHERE ${where} GROUP BY 1 ORDER BY ${dim === 'month' ? sql`1` : sql`sum(c.total_fen) DESC, 1`}`);
    by[dim] = rows.map((r) => ({ key: r.key, ...labelOf(dim, r), contracts: Number(r.n), totalFen: r.total, technologyFen: r.tech }));
  }
  return {
    regionCode: region, from: filter.from ?? null, to: filter.to ?? null,
    totals: { contracts: Number(totalsRow.n), totalFen: totalsRow.total ?? '0', technologyFen: totalsRow.tech ?? '0' }, by,
  };
}

function labelOf(dim: StatisticsDimension, r: { key: string; region_name: string | null; region_name_en: string | null }): { label: string; labelEn: string } {
  if (dim === 'type') {
    const name = CONTRACT_TYPE_NAMES[r.key as ContractType];
    return { label: name?.zh ?? r.key, labelEn: name?.en ?? r.key };
  }
  if (dim === 'region') return { label: r.region_name ?? r.key, labelEn: r.region_name_en ?? r.key };
  return { label: r.key, labelEn: r.key };
}

const SHEETS: Record<StatisticsDimension, string> = { type: '按类型', field: '按领域', month: '按月份', region: '按地区' };

/** The same figures as an Excel workbook, amounts in 万元 with the exact fen alongside. */
export async function statisticsWorkbook(stats: Statistics): Promise<Buffer> {
  const book = new (await loadExcelJs()).Workbook();
  book.creator = 'kechuang';
  for (const dim of statisticsDimensions) {
    const sheet = book.addWorksheet(SHEETS[dim]);
    sheet.columns = [
      { header: dim === 'type' ? '合同类型' : dim === 'field' ? '技术领域' : dim === 'month' ? '登记月份' : '地区', key: 'label', width: 20 },
      { header: '合同数（项）', key: 'contracts', width: 12 },
      { header: '合同成交额（万元）', key: 'totalWan', width: 18 },
      { header: '技术交易额（万元）', key: 'techWan', width: 18 },
      { header: '合同成交额（分）', key: 'totalFen', width: 20 },
      { header: '技术交易额（分）', key: 'techFen', width: 20 },
    ];
    for (const row of stats.by[dim]) {
      sheet.addRow({ label: row.label, contracts: row.contracts, totalWan: wan(row.totalFen), techWan: wan(row.technologyFen), totalFen: row.totalFen, techFen: row.technologyFen });
    }
    sheet.addRow({ label: '合计', contracts: stats.totals.contracts, totalWan: wan(stats.totals.totalFen), techWan: wan(stats.totals.technologyFen), totalFen: stats.totals.totalFen, techFen: stats.totals.technologyFen });
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** fen → 万元 for display, to 4 decimals (1 fen = 0.000001 万元; the fen columns keep the exact value). */
export function wan(fen: string): number {
  return Number(BigInt(fen) / 100n) / 10_000;
}
