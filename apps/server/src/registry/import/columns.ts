// The import/export sheet: one row per enterprise and fiscal year, Chinese headers (the template's), each
// column with the kind of value it holds. An enterprise with three years of data has three rows.
export type ColumnKind = 'uscc' | 'text' | 'district' | 'date' | 'industry' | 'tech_field' | 'cluster' | 'year' | 'people' | 'count' | 'wan' | 'wan_signed' | 'yes_no';

export type Column = { key: ColumnKey; header: string; en: string; kind: ColumnKind; required?: boolean; example: string };

export const COLUMNS = [
  { key: 'uscc', header: '统一社会信用代码', en: 'Unified social credit code', kind: 'uscc', required: true, example: '91410300MA44KC0015' },
  { key: 'name', header: '企业名称', en: 'Enterprise name', kind: 'text', required: true, example: '洛阳示例科技有限公司' },
  { key: 'districtCode', header: '所属区县代码', en: 'District code', kind: 'district', required: true, example: '410311' },
  { key: 'foundedOn', header: '成立日期', en: 'Founded on', kind: 'date', example: '2015-06-18' },
  { key: 'industryCode', header: '国民经济行业代码', en: 'Industry code (GB/T 4754-2017)', kind: 'industry', example: 'C3451' },
  { key: 'techField', header: '高新技术领域', en: 'High-tech field', kind: 'tech_field', example: '先进制造与自动化' },
  { key: 'cluster', header: '产业集群', en: 'Industry cluster', kind: 'cluster', example: '高端轴承' },
  { key: 'listed', header: '是否上市', en: 'Listed', kind: 'yes_no', example: '否' },
  { key: 'year', header: '年度', en: 'Fiscal year', kind: 'year', required: true, example: '2024' },
  { key: 'employees', header: '职工总数（人）', en: 'Employees', kind: 'people', example: '186' },
  { key: 'scienceStaff', header: '科技人员数（人）', en: 'Science and technology staff', kind: 'people', example: '42' },
  { key: 'rdStaff', header: '研发人员数（人）', en: 'R&D staff', kind: 'people', example: '30' },
  { key: 'salesRevenue', header: '销售收入（万元）', en: 'Sales revenue (10k yuan)', kind: 'wan', example: '8650.5' },
  { key: 'operatingRevenue', header: '营业收入（万元）', en: 'Operating revenue (10k yuan)', kind: 'wan', example: '8800' },
  { key: 'mainBusinessRevenue', header: '主营业务收入（万元）', en: 'Main business revenue (10k yuan)', kind: 'wan', example: '8120' },
  { key: 'highTechRevenue', header: '高新技术产品（服务）收入（万元）', en: 'High-tech product revenue (10k yuan)', kind: 'wan', example: '6100' },
  { key: 'totalRevenue', header: '总收入（万元）', en: 'Total revenue (10k yuan)', kind: 'wan', example: '8900' },
  { key: 'rdExpense', header: '研发费用（万元）', en: 'R&D expense (10k yuan)', kind: 'wan', example: '420' },
  { key: 'rdExpenseDomestic', header: '其中境内研发费用（万元）', en: 'of which in China (10k yuan)', kind: 'wan', example: '420' },
  { key: 'costsAndExpenses', header: '成本费用总额（万元）', en: 'Total costs and expenses (10k yuan)', kind: 'wan', example: '7600' },
  { key: 'totalAssets', header: '资产总额（万元）', en: 'Total assets (10k yuan)', kind: 'wan', example: '12000' },
  { key: 'totalLiabilities', header: '负债总额（万元）', en: 'Total liabilities (10k yuan)', kind: 'wan', example: '5200' },
  { key: 'netAssets', header: '净资产（万元）', en: 'Net assets (10k yuan)', kind: 'wan_signed', example: '6800' },
  { key: 'netProfit', header: '净利润（万元）', en: 'Net profit (10k yuan)', kind: 'wan_signed', example: '730' },
  { key: 'conversions', header: '科技成果转化数（项）', en: 'Technology conversions', kind: 'count', example: '3' },
  { key: 'ipInvention', header: '授权发明专利（件）', en: 'Granted invention patents', kind: 'count', example: '4' },
  { key: 'ipUtilityModel', header: '授权实用新型专利（件）', en: 'Granted utility models', kind: 'count', example: '12' },
  { key: 'ipDesign', header: '授权外观设计专利（件）', en: 'Granted design patents', kind: 'count', example: '1' },
  { key: 'ipSoftware', header: '软件著作权（件）', en: 'Software copyrights', kind: 'count', example: '5' },
  { key: 'ipIcLayout', header: '集成电路布图设计（件）', en: 'IC layout designs', kind: 'count', example: '0' },
] as const satisfies readonly { key: string; header: string; en: string; kind: ColumnKind; required?: boolean; example: string }[];

export type ColumnKey = (typeof COLUMNS)[number]['key'];

/** Columns the error report adds; an import ignores them, so a corrected report can be imported as is. */
export const REPORT_ROW_HEADER = '原行号';
export const REPORT_ERROR_HEADER = '错误 / Errors';

/** Headers compare without spaces, the required-mark `*` and with ASCII/full-width parentheses alike. */
export function normaliseHeader(h: string): string {
  return h.replace(/[\s*＊]/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

const BY_HEADER = new Map<string, ColumnKey>(COLUMNS.map((c) => [normaliseHeader(c.header), c.key]));

export function columnForHeader(h: string): ColumnKey | undefined {
  return BY_HEADER.get(normaliseHeader(h));
}

export function columnOf(key: ColumnKey): Column {
  return COLUMNS.find((c) => c.key === key)!;
}

export function templateHeader(c: Column): string {
  return c.required ? `${c.header}*` : c.header;
}
