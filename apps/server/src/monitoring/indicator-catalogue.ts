// The indicators the platform knows out of the box, loaded into the `indicators` reference table.
// Definitions follow ../../docs and the national statistical conventions (see monitoring/README.md).
import type { indicators } from './schema.ts';

export type IndicatorDefinition = typeof indicators.$inferInsert;

export const INDICATOR_CATALOGUE: IndicatorDefinition[] = [
  { code: 'rd_expenditure', nameZh: '全社会研发经费投入', nameEn: 'R&D expenditure', unit: '亿元', unitEn: '100 million yuan', definitionZh: '全社会研究与试验发展（R&D）经费支出', definitionEn: 'Gross domestic expenditure on research and experimental development' },
  { code: 'rd_intensity', nameZh: '研发经费投入强度', nameEn: 'R&D intensity', unit: '%', unitEn: '%', definitionZh: '研发经费支出 ÷ 地区生产总值（GDP）', definitionEn: 'R&D expenditure ÷ GDP' },
  { code: 'hnte_count', nameZh: '高新技术企业数', nameEn: 'High-tech enterprises', unit: '家', unitEn: 'firms', definitionZh: '有效期内的国家高新技术企业数量', definitionEn: 'Certified national high and new technology enterprises with a valid certificate' },
  { code: 'tech_sme_count', nameZh: '国家科技型中小企业数', nameEn: 'Tech-based SMEs', unit: '家', unitEn: 'firms', definitionZh: '当年评价入库的科技型中小企业数量', definitionEn: 'Technology-based SMEs registered in the national database in the year' },
  { code: 'platform_count', nameZh: '各类创新平台载体数', nameEn: 'Innovation platforms', unit: '个', unitEn: 'platforms', definitionZh: '各级重点实验室、工程技术研究中心、企业技术中心、新型研发机构、孵化载体等', definitionEn: 'Key laboratories, engineering centres, enterprise technology centres, new R&D institutions, incubators etc. at all levels' },
  { code: 'innovation_entity_count', nameZh: '各类创新主体数', nameEn: 'Innovation entities', unit: '家', unitEn: 'entities', definitionZh: '高新技术企业、科技型中小企业等各类创新主体总数', definitionEn: 'High-tech enterprises, tech-based SMEs and other innovation entities' },
  { code: 'fiscal_st_share', nameZh: '财政科技支出占公共财政支出比重', nameEn: 'Fiscal S&T spending share', unit: '%', unitEn: '%', definitionZh: '财政科学技术支出 ÷ 一般公共预算支出', definitionEn: 'Fiscal science & technology spending ÷ general public budget spending' },
  { code: 'invention_patents_per_10k', nameZh: '每万人口发明专利拥有量', nameEn: 'Invention patents per 10,000 people', unit: '件', unitEn: 'patents', definitionZh: '年末有效发明专利数 ÷ 年末常住人口（万人）', definitionEn: 'Valid invention patents at year end ÷ resident population (10,000s)' },
];
