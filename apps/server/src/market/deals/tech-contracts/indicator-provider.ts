// 技术合同成交额 for the monitoring target board: the sum of contract totals registered (认定登记) in the
// calendar year of the date asked, for the region and everything under it, in 亿元. A contract is counted once,
// however its deal was reached (unique per deal; see the deals README).
import { sql } from 'drizzle-orm';
import { regionCodePattern } from '../../../platform/regions/region-scope.ts';
import { registerIndicatorProvider, type IndicatorProvider } from '../../../monitoring/targets/indicator-providers.ts';

const FEN_PER_YI = 10_000_000_000; // 1 亿元 = 10^8 元 = 10^10 分

export const TECH_CONTRACT_TURNOVER_PROVIDER: IndicatorProvider = {
  indicatorCode: 'tech_contract_turnover',
  module: 'market',
  description: { zh: '平台登记的技术合同成交额（当年累计）', en: 'Technology contract turnover registered on the platform (year to date)' },
  async current(db, regionCode, asOf) {
    const year = asOf.getUTCFullYear();
    const { rows } = await db.execute<{ total: string | null; n: string }>(sql`
      SELECT sum(total_fen)::text AS total, count(*) AS n FROM market_tech_contracts
       WHERE region_code LIKE ${regionCodePattern(regionCode)} AND status = 'registered'
         AND registered_at >= make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Shanghai')
         AND registered_at < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'Asia/Shanghai')`);
    const row = rows[0]!;
    return Number(row.n) === 0 ? null : Number(row.total) / FEN_PER_YI;
  },
};

export function registerMarketIndicatorProviders(): void {
  registerIndicatorProvider(TECH_CONTRACT_TURNOVER_PROVIDER);
}
