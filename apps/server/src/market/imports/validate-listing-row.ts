// One row of a listings file → a listing to write, or the errors that name each field and rule (pure).
import { validateUscc } from '../../platform/identity/uscc.ts';
import type { ListingKind } from '../schema.ts';
import type { HeaderMap, ListingColumn } from './listing-columns.ts';

export type RowError = { field: string; code: string; message: string; message_en: string };
export type ImportedListing = {
  externalId: string | null; kind: ListingKind; title: string; summary: string; field: string; keywords: string[];
  trl: number | null; priceFen: bigint | null; creditCode: string | null;
};

const KINDS: Record<string, ListingKind> = { achievement: 'achievement', 成果: 'achievement', 科技成果: 'achievement', demand: 'demand', 需求: 'demand', 技术需求: 'demand' };
const NEGOTIABLE = new Set(['', '面议', 'negotiable']);
const MAX_PRICE_YUAN = 10_000_000_000_000n; // 10万亿元: anything above is a typo, not a price

export function validateListingRow(header: HeaderMap, values: readonly string[], defaultCreditCode: string | null): { ok: true; listing: ImportedListing } | { ok: false; errors: RowError[] } {
  const cell = (c: ListingColumn): string => {
    const i = header.index[c];
    return i === undefined ? '' : (values[i] ?? '').trim();
  };
  const errors: RowError[] = [];
  const fail = (field: string, code: string, message: string, message_en: string): void => { errors.push({ field, code, message, message_en }); };

  const kind = KINDS[cell('type').toLowerCase()];
  if (!kind) fail('type', 'invalid_type', '类型须为 achievement（成果）或 demand（需求）', 'type must be achievement or demand');
  const title = cell('title');
  if ([...title].length < 4 || [...title].length > 120) fail('title', 'title_length', '标题须为 4–120 个字符', 'title must be 4–120 characters');
  const field = cell('field');
  if ([...field].length < 2 || [...field].length > 40) fail('field', 'field_length', '领域须为 2–40 个字符', 'field must be 2–40 characters');
  const summary = cell('summary');
  if ([...summary].length > 5000) fail('summary', 'summary_too_long', '简介不能超过 5000 个字符', 'summary must be at most 5,000 characters');
  const externalId = cell('id') || null;
  if (externalId !== null && externalId.length > 64) fail('id', 'id_too_long', '编号不能超过 64 个字符', 'id must be at most 64 characters');
  const keywords = cell('keywords').split(/[;；,，、|]/).map((k) => k.trim()).filter((k) => k !== '');
  if (keywords.length > 12 || keywords.some((k) => [...k].length > 30)) fail('keywords', 'keywords_invalid', '关键词最多 12 个，每个不超过 30 字', 'at most 12 keywords of at most 30 characters each');

  let trl: number | null = null;
  const trlText = cell('trl');
  if (trlText !== '') {
    if (!/^[1-9]$/.test(trlText)) fail('trl', 'trl_range', '技术成熟度须为 1–9 的整数', 'trl must be a whole number from 1 to 9');
    else if (kind === 'demand') fail('trl', 'demand_has_trl', '技术需求不填技术成熟度', 'a demand has no trl');
    else trl = Number(trlText);
  }
  let priceFen: bigint | null = null;
  const priceText = cell('price').replace(/[,，\s]/g, '');
  if (!NEGOTIABLE.has(priceText.toLowerCase())) {
    const m = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(priceText);
    if (!m) fail('price', 'price_format', '价格须为以元计的非负数（最多两位小数）或“面议”', 'price must be a non-negative amount in yuan (at most 2 decimals) or 面议');
    else if (BigInt(m[1]!) > MAX_PRICE_YUAN) fail('price', 'price_too_large', '价格超出合理范围', 'price is out of range');
    else priceFen = BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  }
  const creditText = cell('credit_code') || defaultCreditCode || '';
  let creditCode: string | null = null;
  if (creditText === '') fail('credit_code', 'credit_code_required', '请填写所属机构的统一社会信用代码', 'give the owner’s unified social credit code');
  else {
    const checked = validateUscc(creditText);
    if (!checked.ok) fail('credit_code', `uscc_${checked.reason}`, checked.message, checked.messageEn);
    else creditCode = checked.code;
  }
  if (errors.length > 0 || !kind) return { ok: false, errors };
  return { ok: true, listing: { externalId, kind, title, summary, field, keywords, trl, priceFen, creditCode } };
}
