// The indicators the platform knows out of the box, loaded into the `indicators` reference table after every
// migration. Definitions follow the national statistical conventions (see monitoring/README.md); computed
// indicators carry their formula and are evaluated at read time.
import type { indicators } from './schema.ts';

export type IndicatorDefinition = typeof indicators.$inferInsert;

const YEARBOOK = '统计年鉴、统计公报 / statistical yearbook and bulletin';
const TORCH = '科技部火炬中心认定结果 / MOST Torch Centre certification';
const CNIPA = '国家知识产权局 / CNIPA';
const CONTRACTS = '技术合同认定登记系统 / technology contract registry';
const FINANCE = '财政决算 / fiscal accounts';
const BUREAU = '科技局统计 / S&T bureau records';

export const INDICATOR_CATALOGUE: IndicatorDefinition[] = [
  // published or counted
  { code: 'rd_expenditure', nameZh: '全社会研发经费投入', nameEn: 'R&D expenditure', unit: '亿元', unitEn: '100 million yuan', definitionZh: '全社会研究与试验发展（R&D）经费支出', definitionEn: 'Gross domestic expenditure on research and experimental development', source: YEARBOOK },
  { code: 'gdp', nameZh: '地区生产总值', nameEn: 'GDP', unit: '亿元', unitEn: '100 million yuan', definitionZh: '地区生产总值（当年价格）', definitionEn: 'Gross regional product at current prices', source: YEARBOOK },
  { code: 'population', nameZh: '年末常住人口', nameEn: 'Resident population', unit: '万人', unitEn: '10,000 people', definitionZh: '年末常住人口', definitionEn: 'Resident population at year end', source: YEARBOOK },
  { code: 'hnte_count', nameZh: '高新技术企业数', nameEn: 'High-tech enterprises', unit: '家', unitEn: 'firms', definitionZh: '有效期内的国家高新技术企业数量', definitionEn: 'Certified national high and new technology enterprises with a valid certificate', source: TORCH },
  { code: 'tech_sme_count', nameZh: '国家科技型中小企业数', nameEn: 'Tech-based SMEs', unit: '家', unitEn: 'firms', definitionZh: '当年评价入库的科技型中小企业数量', definitionEn: 'Technology-based SMEs registered in the national database in the year', source: TORCH },
  { code: 'platform_count', nameZh: '各类创新平台载体数', nameEn: 'Innovation platforms', unit: '个', unitEn: 'platforms', definitionZh: '各级重点实验室、工程技术研究中心、企业技术中心、新型研发机构、孵化载体等', definitionEn: 'Key laboratories, engineering centres, enterprise technology centres, new R&D institutions, incubators etc. at all levels', source: BUREAU },
  { code: 'innovation_entity_count', nameZh: '各类创新主体数', nameEn: 'Innovation entities', unit: '家', unitEn: 'entities', definitionZh: '高新技术企业、科技型中小企业等各类创新主体总数', definitionEn: 'High-tech enterprises, tech-based SMEs and other innovation entities', source: BUREAU },
  { code: 'valid_invention_patents', nameZh: '有效发明专利数', nameEn: 'Valid invention patents', unit: '件', unitEn: 'patents', definitionZh: '年末有效发明专利拥有量', definitionEn: 'Invention patents in force at year end', source: CNIPA },
  { code: 'rd_personnel', nameZh: 'R&D 人员全时当量', nameEn: 'R&D personnel (FTE)', unit: '人年', unitEn: 'person-years', definitionZh: '研究与试验发展人员全时当量', definitionEn: 'R&D personnel in full-time equivalent', source: YEARBOOK },
  { code: 'tech_contract_turnover', nameZh: '技术合同成交额', nameEn: 'Technology contract turnover', unit: '亿元', unitEn: '100 million yuan', definitionZh: '登记的技术合同成交额合计', definitionEn: 'Sum of registered technology contract totals', source: CONTRACTS },
  { code: 'fiscal_st_spending', nameZh: '财政科学技术支出', nameEn: 'Fiscal S&T spending', unit: '亿元', unitEn: '100 million yuan', definitionZh: '一般公共预算中的科学技术支出', definitionEn: 'Science and technology spending in the general public budget', source: FINANCE },
  { code: 'public_budget_spending', nameZh: '一般公共预算支出', nameEn: 'General public budget spending', unit: '亿元', unitEn: '100 million yuan', definitionZh: '一般公共预算支出合计', definitionEn: 'Total general public budget spending', source: FINANCE },
  { code: 'high_tech_industry_share', nameZh: '高新技术产业增加值占比', nameEn: 'High-tech industry share', unit: '%', unitEn: '%', definitionZh: '高新技术产业增加值 ÷ 规模以上工业增加值', definitionEn: 'High-tech industry value added ÷ value added of industry above designated size', source: YEARBOOK },
  { code: 'energy_per_gdp', nameZh: '万元地区生产总值能耗', nameEn: 'Energy use per 10,000 yuan of GDP', unit: '吨标准煤/万元', unitEn: 'tce per 10,000 yuan', direction: -1, definitionZh: '能源消费总量 ÷ 地区生产总值（越低越好）', definitionEn: 'Total energy consumption ÷ GDP (lower is better)', source: YEARBOOK },
  // computed (formula): never stored, unless a published figure exists, which then wins
  { code: 'rd_intensity', nameZh: '研发经费投入强度', nameEn: 'R&D intensity', unit: '%', unitEn: '%', definitionZh: '研发经费支出 ÷ 地区生产总值（GDP）', definitionEn: 'R&D expenditure ÷ GDP', source: YEARBOOK, formula: { op: 'ratio', numerator: 'rd_expenditure', denominator: 'gdp', scale: 100 } },
  { code: 'fiscal_st_share', nameZh: '财政科技支出占公共财政支出比重', nameEn: 'Fiscal S&T spending share', unit: '%', unitEn: '%', definitionZh: '财政科学技术支出 ÷ 一般公共预算支出', definitionEn: 'Fiscal science & technology spending ÷ general public budget spending', source: FINANCE, formula: { op: 'ratio', numerator: 'fiscal_st_spending', denominator: 'public_budget_spending', scale: 100 } },
  { code: 'invention_patents_per_10k', nameZh: '每万人口发明专利拥有量', nameEn: 'Invention patents per 10,000 people', unit: '件', unitEn: 'patents', definitionZh: '年末有效发明专利数 ÷ 年末常住人口（万人）', definitionEn: 'Valid invention patents at year end ÷ resident population (10,000s)', source: CNIPA, formula: { op: 'ratio', numerator: 'valid_invention_patents', denominator: 'population', scale: 1 } },
  { code: 'rd_personnel_per_10k', nameZh: '每万人 R&D 人员全时当量', nameEn: 'R&D personnel per 10,000 people', unit: '人年', unitEn: 'person-years', definitionZh: 'R&D 人员全时当量 ÷ 年末常住人口（万人）', definitionEn: 'R&D personnel FTE ÷ resident population (10,000s)', source: YEARBOOK, formula: { op: 'ratio', numerator: 'rd_personnel', denominator: 'population', scale: 1 } },
  { code: 'hnte_per_10k', nameZh: '每万人高新技术企业数', nameEn: 'High-tech enterprises per 10,000 people', unit: '家', unitEn: 'firms', definitionZh: '高新技术企业数 ÷ 年末常住人口（万人）', definitionEn: 'High-tech enterprises ÷ resident population (10,000s)', source: TORCH, formula: { op: 'ratio', numerator: 'hnte_count', denominator: 'population', scale: 1 } },
  { code: 'tech_sme_per_10k', nameZh: '每万人科技型中小企业数', nameEn: 'Tech-based SMEs per 10,000 people', unit: '家', unitEn: 'firms', definitionZh: '科技型中小企业数 ÷ 年末常住人口（万人）', definitionEn: 'Tech-based SMEs ÷ resident population (10,000s)', source: TORCH, formula: { op: 'ratio', numerator: 'tech_sme_count', denominator: 'population', scale: 1 } },
  { code: 'platforms_per_10k', nameZh: '每万人创新平台数', nameEn: 'Innovation platforms per 10,000 people', unit: '个', unitEn: 'platforms', definitionZh: '各类创新平台载体数 ÷ 年末常住人口（万人）', definitionEn: 'Innovation platforms ÷ resident population (10,000s)', source: BUREAU, formula: { op: 'ratio', numerator: 'platform_count', denominator: 'population', scale: 1 } },
  { code: 'tech_contract_intensity', nameZh: '技术合同成交额占 GDP 比重', nameEn: 'Technology contracts ÷ GDP', unit: '%', unitEn: '%', definitionZh: '技术合同成交额 ÷ 地区生产总值', definitionEn: 'Technology contract turnover ÷ GDP', source: CONTRACTS, formula: { op: 'ratio', numerator: 'tech_contract_turnover', denominator: 'gdp', scale: 100 } },
  { code: 'gdp_per_capita', nameZh: '人均地区生产总值', nameEn: 'GDP per capita', unit: '万元', unitEn: '10,000 yuan', definitionZh: '地区生产总值 ÷ 年末常住人口', definitionEn: 'GDP ÷ resident population', source: YEARBOOK, formula: { op: 'ratio', numerator: 'gdp', denominator: 'population', scale: 1 } },
];
