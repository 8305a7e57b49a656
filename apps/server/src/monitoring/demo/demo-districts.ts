// SYNTHETIC demo data for Luoyang's 14 districts and counties, 2020–2023, and a bearing-industry dataset,
// so the ranking, the map, the radar and the industry index have something to show. Generated from a fixed
// seed; every row's source says it is synthetic. The district profiles (size, industrial weight) are rough
// guesses for plausibility, not statistics.
import { createRng } from '@kechuang/composite';

export const SYNTHETIC_SOURCE = '合成演示数据（非真实统计，seed 2025）/ synthetic demo data, not official statistics';
export const DEMO_SEED = 2025;
export const DEMO_YEARS = ['2020', '2021', '2022', '2023'];

/** population (万人), GDP (亿元) in 2020 and an innovation propensity (1 = city average). */
const PROFILES: Record<string, { pop: number; gdp: number; innov: number; hightech: number }> = {
  '410302': { pop: 34, gdp: 260, innov: 0.8, hightech: 30 },  // 老城区
  '410303': { pop: 54, gdp: 480, innov: 1.0, hightech: 38 },  // 西工区
  '410304': { pop: 22, gdp: 150, innov: 0.6, hightech: 25 },  // 瀍河回族区
  '410305': { pop: 52, gdp: 760, innov: 2.2, hightech: 62 },  // 涧西区
  '410307': { pop: 57, gdp: 520, innov: 0.9, hightech: 40 },  // 偃师区
  '410308': { pop: 52, gdp: 560, innov: 1.0, hightech: 44 },  // 孟津区
  '410311': { pop: 68, gdp: 820, innov: 1.9, hightech: 58 },  // 洛龙区
  '410323': { pop: 47, gdp: 420, innov: 0.7, hightech: 32 },  // 新安县
  '410324': { pop: 32, gdp: 330, innov: 0.5, hightech: 22 },  // 栾川县
  '410325': { pop: 43, gdp: 180, innov: 0.3, hightech: 12 },  // 嵩县
  '410326': { pop: 40, gdp: 170, innov: 0.3, hightech: 14 },  // 汝阳县
  '410327': { pop: 60, gdp: 300, innov: 0.5, hightech: 24 },  // 宜阳县
  '410328': { pop: 39, gdp: 190, innov: 0.35, hightech: 15 }, // 洛宁县
  '410329': { pop: 75, gdp: 480, innov: 0.6, hightech: 30 },  // 伊川县
};

export type DemoObservation = { regionCode: string; indicatorCode: string; period: string; value: number };

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export function demoDistrictObservations(seed = DEMO_SEED): DemoObservation[] {
  const rng = createRng(seed);
  const noise = (spread: number) => 1 + spread * (2 * rng.next() - 1);
  const out: DemoObservation[] = [];
  for (const [regionCode, p] of Object.entries(PROFILES)) {
    const growth = 1.04 + 0.04 * p.innov * rng.next();
    // each district's own strengths: pillar-specific factors, so rankings differ by pillar and react to weights
    const f = { gov: 0.5 + rng.next(), orig: 0.5 + rng.next(), tech: 0.5 + rng.next(), trans: 0.5 + rng.next(), drive: 0.5 + rng.next() };
    const innov = p.innov ** 0.6;
    DEMO_YEARS.forEach((period, t) => {
      const pop = p.pop * (1 + 0.002 * t) * noise(0.01);
      const gdp = p.gdp * growth ** t * noise(0.02);
      const intensity = (1.1 + 1.2 * innov * f.tech) * (1 + 0.06 * t) * noise(0.12); // %
      const add = (indicatorCode: string, value: number, digits = 2) => out.push({ regionCode, indicatorCode, period, value: round(value, digits) });
      add('population', pop, 1);
      add('gdp', gdp, 1);
      add('rd_expenditure', (gdp * intensity) / 100);
      add('rd_personnel', pop * 22 * innov * f.orig * (1 + 0.05 * t) * noise(0.2), 0);
      add('hnte_count', pop * 0.9 * innov * f.tech * (1 + 0.15 * t) * noise(0.2), 0);
      add('tech_sme_count', pop * 1.6 * innov * f.trans * (1 + 0.18 * t) * noise(0.2), 0);
      add('platform_count', pop * 2.6 * innov * f.gov * (1 + 0.12 * t) * noise(0.2), 0);
      add('valid_invention_patents', pop * 9 * innov ** 1.3 * f.orig * (1 + 0.12 * t) * noise(0.25), 0);
      add('tech_contract_turnover', gdp * 0.012 * innov * f.trans * (1 + 0.2 * t) * noise(0.3));
      const budget = gdp * 0.11 * noise(0.1);
      add('public_budget_spending', budget);
      add('fiscal_st_spending', budget * (0.012 + 0.018 * innov * f.gov) * (1 + 0.05 * t) * noise(0.2), 3);
      add('high_tech_industry_share', Math.min(85, p.hightech * f.drive ** 0.5 * (1 + 0.03 * t) * noise(0.08)), 1);
      add('energy_per_gdp', (0.75 - 0.12 * innov * f.drive + 0.1 * rng.next()) * 0.97 ** t, 3);
    });
  }
  return out;
}

export type DemoIndustry = {
  prices: { period: string; productClass: string; product: string; price: number }[];
  surveys: { period: string; question: string; up: number; flat: number; down: number }[];
  figures: { period: string; item: string; value: number }[];
};

const QUARTERS = ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];
const PRODUCTS: Record<string, Record<string, number>> = {
  '通用轴承': { '深沟球轴承 6205': 18, '圆锥滚子轴承 30208': 42, '调心滚子轴承 22220': 380 },
  '精密轴承': { '机床主轴轴承 7014': 1450, '角接触球轴承 7210': 260, '交叉滚子轴承 RB3010': 2100 },
  '风电轴承': { '主轴轴承 3MW': 268000, '偏航轴承 2.5MW': 96000 },
};

/** A synthetic quarterly panel of a bearing cluster: prices, survey answers of 120 firms, output figures. */
export function demoIndustry(seed = DEMO_SEED + 1): DemoIndustry {
  const rng = createRng(seed);
  const prices: DemoIndustry['prices'] = [];
  const level = new Map<string, number>();
  for (const [cls, products] of Object.entries(PRODUCTS)) for (const [name, p] of Object.entries(products)) level.set(`${cls}|${name}`, p);
  const surveys: DemoIndustry['surveys'] = [];
  const figures: DemoIndustry['figures'] = [];
  let output = 96;
  QUARTERS.forEach((period, q) => {
    for (const [key, p] of level) {
      const [productClass, product] = key.split('|') as [string, string];
      const drift = productClass === '风电轴承' ? -0.01 : 0.004;
      const next = q === 0 ? p : p * (1 + drift + 0.03 * (rng.next() - 0.5));
      level.set(key, next);
      prices.push({ period, productClass, product, price: round(next, 2) });
    }
    const mood = 0.45 + 0.2 * Math.sin(q / 2) + 0.1 * rng.next();
    for (const question of ['business_now', 'business_next', 'orders', 'output', 'employment']) {
      const tilt = question === 'business_next' ? 0.05 : 0;
      const up = Math.round(120 * Math.min(0.8, mood + tilt) * (0.8 + 0.2 * rng.next()));
      const down = Math.round((120 - up) * (0.2 + 0.4 * rng.next()));
      surveys.push({ period, question, up, flat: 120 - up - down, down });
    }
    output *= 1 + 0.02 + 0.03 * (rng.next() - 0.3);
    figures.push({ period, item: 'output_value', value: round(output, 2) });
    figures.push({ period, item: 'export_value', value: round(output * (0.18 + 0.04 * rng.next()), 2) });
    figures.push({ period, item: 'rd_spending', value: round(output * (0.028 + 0.006 * rng.next()), 3) });
  });
  return { prices, surveys, figures };
}
