// How well a demand and an achievement fit (pure): text similarity, field, TRL, price, district, and what
// the judging organisation's earlier accept/reject decisions taught. Every part is returned, so the page
// can explain the score.
import type { MatchRejectReason } from '../schema.ts';

export type TrlFit = 'ready' | 'pilot' | 'early' | 'unknown';
export type PriceFit = 'within_budget' | 'over_budget' | 'negotiable' | 'no_budget';

export type MatchParts = { text: number; field: number; trl: number; price: number; region: number };
export const BASE_WEIGHTS: MatchParts = { text: 0.45, field: 0.2, trl: 0.12, price: 0.13, region: 0.1 };

export function trlFit(trl: number | null): { fit: TrlFit; value: number } {
  if (trl === null) return { fit: 'unknown', value: 0.3 };
  if (trl >= 7) return { fit: 'ready', value: 1 };
  if (trl >= 5) return { fit: 'pilot', value: 0.6 };
  return { fit: 'early', value: 0.2 };
}

export function priceFit(priceFen: bigint | null, budgetMaxFen: bigint | null): { fit: PriceFit; value: number } {
  if (budgetMaxFen === null) return { fit: 'no_budget', value: 0.5 };
  if (priceFen === null) return { fit: 'negotiable', value: 0.5 };
  if (priceFen <= budgetMaxFen) return { fit: 'within_budget', value: 1 };
  // Over budget: the further over, the less it fits; twice the budget or more fits not at all.
  const over = Number(priceFen - budgetMaxFen) / Number(budgetMaxFen > 0n ? budgetMaxFen : 1n);
  return { fit: 'over_budget', value: Math.max(0, 1 - over) };
}

/** The judging organisation's past rejections shift weight towards what it cares about. */
export function learnedWeights(rejections: Partial<Record<MatchRejectReason, number>>): MatchParts {
  const step = (n: number | undefined): number => Math.min(0.15, 0.05 * (n ?? 0));
  const raw: MatchParts = {
    text: BASE_WEIGHTS.text,
    field: BASE_WEIGHTS.field + step(rejections.field_mismatch),
    trl: BASE_WEIGHTS.trl + step(rejections.too_early),
    price: BASE_WEIGHTS.price + step(rejections.price),
    region: BASE_WEIGHTS.region + step(rejections.region),
  };
  const sum = raw.text + raw.field + raw.trl + raw.price + raw.region;
  return { text: raw.text / sum, field: raw.field / sum, trl: raw.trl / sum, price: raw.price / sum, region: raw.region / sum };
}

export type Adjustments = { acceptedSameField: boolean; othersRejectedForField: number };

export function combine(parts: MatchParts, weights: MatchParts, adj: Adjustments): number {
  const base = parts.text * weights.text + parts.field * weights.field + parts.trl * weights.trl + parts.price * weights.price + parts.region * weights.region;
  const boost = adj.acceptedSameField ? 0.05 : 0;
  const penalty = Math.min(0.2, 0.05 * adj.othersRejectedForField);
  return Math.round((base + boost - penalty) * 1e4) / 1e4;
}
