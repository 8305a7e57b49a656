// The columns of a listings file (import and export): `id, type, title, summary, field, keywords, trl,
// price` plus the owner's credit code. Headers are matched case-insensitively, in English or Chinese.
export const LISTING_COLUMNS = ['id', 'type', 'title', 'summary', 'field', 'keywords', 'trl', 'price', 'credit_code'] as const;
export type ListingColumn = (typeof LISTING_COLUMNS)[number];

const ALIASES: Record<string, ListingColumn> = {
  id: 'id', 编号: 'id', type: 'type', 类型: 'type', title: 'title', 标题: 'title', 名称: 'title', summary: 'summary', 简介: 'summary',
  摘要: 'summary', field: 'field', 领域: 'field', keywords: 'keywords', 关键词: 'keywords', trl: 'trl', 成熟度: 'trl', 技术成熟度: 'trl',
  price: 'price', 价格: 'price', '价格(元)': 'price', credit_code: 'credit_code', uscc: 'credit_code', 统一社会信用代码: 'credit_code',
};

export type HeaderMap = { index: Partial<Record<ListingColumn, number>>; missing: ListingColumn[] };

export function mapHeader(cells: readonly string[]): HeaderMap {
  const index: Partial<Record<ListingColumn, number>> = {};
  cells.forEach((cell, i) => {
    const column = ALIASES[cell.trim().toLowerCase().replace(/\s+/g, '')] ?? ALIASES[cell.trim()];
    if (column && index[column] === undefined) index[column] = i;
  });
  const required: ListingColumn[] = ['type', 'title', 'field'];
  return { index, missing: required.filter((c) => index[c] === undefined) };
}

/** Export and error-report header: the import columns, so a report can be corrected and imported again. */
export const REPORT_ROW_HEADER = '行号 / row';
export const REPORT_ERROR_HEADER = '错误 / errors';
