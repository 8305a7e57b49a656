// Rules a listing's content must satisfy beyond its field formats (pure).
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ListingKind } from '../schema.ts';

export type ListingContent = {
  kind: ListingKind; trl?: number | null; priceFen?: string | null; budgetMinFen?: string | null; budgetMaxFen?: string | null;
  transferModes?: readonly string[]; deadline?: string | null;
};

export function validateListingContent(c: ListingContent, today = new Date().toISOString().slice(0, 10)): void {
  if (c.kind === 'demand') {
    if (c.trl !== undefined && c.trl !== null) throw new DomainError('demand_has_trl', 'trl', { zh: '技术需求不填技术成熟度', en: 'A demand has no technology readiness level' });
    if (c.priceFen !== undefined && c.priceFen !== null) throw new DomainError('demand_has_price', 'priceFen', { zh: '技术需求填写预算范围，不填要价', en: 'A demand has a budget range, not an asking price' });
    if (c.budgetMinFen && c.budgetMaxFen && BigInt(c.budgetMinFen) > BigInt(c.budgetMaxFen)) {
      throw new DomainError('budget_range_inverted', 'budgetMinFen', { zh: '预算下限不能高于上限', en: 'The budget minimum cannot exceed the maximum' });
    }
    if (c.deadline && c.deadline < today) throw new DomainError('deadline_in_past', 'deadline', { zh: '截止日期不能早于今天', en: 'The deadline cannot be in the past' });
  } else {
    if (c.budgetMinFen || c.budgetMaxFen) throw new DomainError('achievement_has_budget', 'budgetMinFen', { zh: '科技成果填写要价，不填预算', en: 'An achievement has an asking price, not a budget' });
  }
}

/** What must be filled in before a draft can go to review. */
export function validateForSubmission(c: ListingContent & { summary: string }): void {
  if (c.kind === 'achievement') {
    if (c.trl === undefined || c.trl === null) throw new DomainError('trl_required', 'trl', { zh: '提交前请填写技术成熟度（1–9）', en: 'Give the technology readiness level (1–9) before submitting' });
    if (!c.transferModes || c.transferModes.length === 0) throw new DomainError('transfer_mode_required', 'transferModes', { zh: '提交前请选择至少一种转化方式', en: 'Choose at least one transfer mode before submitting' });
  }
  if (c.summary.trim().length < 20) throw new DomainError('summary_too_short', 'summary', { zh: '提交前请填写不少于 20 字的简介', en: 'Write a summary of at least 20 characters before submitting' });
}
