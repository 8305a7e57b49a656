// Builders for criteria and gaps, so every pack reports evidence in the same shape.
import type { Criterion, CriterionStatus, CriterionValue, Gap, Points } from '../types.ts';
import type { Tri } from './tri.ts';

export function criterion(
  id: string,
  status: CriterionStatus,
  value: CriterionValue,
  threshold: string | null,
  points: Points,
  message: string,
  messageEn: string,
): Criterion {
  return { id, status, value, threshold, points, message, message_en: messageEn };
}

export function statusOf(t: Tri): CriterionStatus {
  return t === 'yes' ? 'met' : t === 'no' ? 'unmet' : 'unknown';
}

/** The criterion reported when the datum it needs is missing from the profile. */
export function missing(id: string, threshold: string | null, fieldZh: string, fieldEn: string, points: Points = null): Criterion {
  return criterion(id, 'unknown', null, threshold, points, `缺少数据：${fieldZh}`, `Missing data: ${fieldEn}`);
}

export function gap(criterionId: string, shortfall: number | null, unit: Gap['unit'], message: string, messageEn: string): Gap {
  return { criterion: criterionId, shortfall, unit, message, message_en: messageEn };
}

/** Generic gap for an unmet yes/no condition, carrying the criterion's own message. */
export function gapFrom(c: Criterion): Gap {
  return gap(c.id, null, null, c.message, c.message_en);
}
