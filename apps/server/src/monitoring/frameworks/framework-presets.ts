// The two presets a city starts with. Weights are configuration: the bureau edits them (audited); the
// national index's own weights are not published (中国科学技术信息研究所《国家创新型城市创新能力评价报告》).
import { INDICATOR_CATALOGUE } from '../indicator-catalogue.ts';
import type { CompositeDefinition, FrameworkMetaRow, IndustryDefinition } from './framework-definition.ts';

export const INNOVATIVE_CITY_CODE = 'innovative-city';
export const INDUSTRY_CODE = 'industry-bearing';

const PILLARS: { code: string; nameZh: string; nameEn: string; indicators: string[] }[] = [
  { code: 'governance', nameZh: '创新治理力', nameEn: 'Innovation governance', indicators: ['fiscal_st_share', 'platforms_per_10k'] },
  { code: 'original', nameZh: '原始创新力', nameEn: 'Original innovation', indicators: ['invention_patents_per_10k', 'rd_personnel_per_10k'] },
  { code: 'technology', nameZh: '技术创新力', nameEn: 'Technological innovation', indicators: ['rd_intensity', 'hnte_per_10k'] },
  { code: 'transformation', nameZh: '成果转化力', nameEn: 'Commercialisation', indicators: ['tech_contract_intensity', 'tech_sme_per_10k'] },
  { code: 'driving', nameZh: '创新驱动力', nameEn: 'Innovation-driven growth', indicators: ['high_tech_industry_share', 'gdp_per_capita', 'energy_per_gdp'] },
];

export function innovativeCityPreset(): { nameZh: string; nameEn: string; definition: CompositeDefinition } {
  const catalogue = new Map(INDICATOR_CATALOGUE.map((d) => [d.code, d]));
  const meta: FrameworkMetaRow[] = [];
  for (const p of PILLARS) {
    for (const code of p.indicators) {
      const d = catalogue.get(code)!;
      meta.push({ iCode: code, nameZh: d.nameZh, nameEn: d.nameEn, level: 1, parent: p.code, weight: 1, direction: d.direction === -1 ? -1 : 1, type: 'Indicator' });
    }
  }
  for (const p of PILLARS) meta.push({ iCode: p.code, nameZh: p.nameZh, nameEn: p.nameEn, level: 2, parent: 'index', weight: 0.2, direction: 1, type: 'Aggregate' });
  meta.push({ iCode: 'index', nameZh: '创新能力指数', nameEn: 'Innovation capability index', level: 3, parent: null, weight: 1, direction: 1, type: 'Aggregate' });
  return {
    nameZh: '创新型城市创新能力指数（五大维度）',
    nameEn: 'Innovative-city innovation capability index (five pillars)',
    definition: {
      meta,
      recipe: { steps: [
        { op: 'impute', method: 'mean' },
        { op: 'treat' },
        { op: 'normalise', method: 'minmax', range: [1, 100] },
        { op: 'aggregate', method: 'arithmetic' },
      ] },
      sensitivity: [
        { name: '权重 / Weights', step: 'aggregate', weightNoise: { 2: 0.25 } },
        { name: '标准化 / Normalisation', step: 'normalise', alternatives: [{ method: 'minmax', range: [1, 100] }, { method: 'zscore', meanSd: [100, 15] }] },
        { name: '异常值处理 / Treatment', step: 'treat', alternatives: [{ skip: false }, { skip: true }] },
        { name: '加总方法 / Aggregation', step: 'aggregate', alternatives: [{ method: 'arithmetic' }, { method: 'geometric' }] },
      ],
    },
  };
}

export function industryPreset(datasetCode: string): { nameZh: string; nameEn: string; definition: IndustryDefinition } {
  return {
    nameZh: '轴承产业指数（价格、发展、景气、扩散）',
    nameEn: 'Bearing industry index (price, development, sentiment, diffusion)',
    definition: {
      datasetCode,
      basePeriod: '2022-Q1',
      classWeights: { '通用轴承': 0.45, '精密轴承': 0.35, '风电轴承': 0.2 },
      sentiment: { currentQuestion: 'business_now', expectedQuestion: 'business_next', currentWeight: 0.4 },
      diffusionQuestions: ['orders', 'output', 'employment'],
      developmentItems: { output_value: 0.5, export_value: 0.2, rd_spending: 0.3 },
      compositeWeights: { price: 0.2, development: 0.4, sentiment: 0.25, diffusion: 0.15 },
    },
  };
}
