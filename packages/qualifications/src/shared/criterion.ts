// Builders for criteria and gaps, so every pack reports evidence in the same shape.
import type { Criterion, CriterionStatus, CriterionValue, Gap, Points } from '../types.ts';
import type { Tri } from './tri.ts';

/** The Chinese and English message of a criterion, rendered only when read. */
export type Messages = () => readonly [string, string];

/**
 * A criterion whose messages are rendered on first read (or by JSON.stringify through toJSON): formatting
 * numbers into two languages costs more than deciding the rule, and a batch run that only stores outcomes
 * never needs them. Read the fields or serialise it; an object spread would drop the messages.
 */
class EvaluatedCriterion implements Criterion {
  readonly id: string;
  readonly status: CriterionStatus;
  readonly value: CriterionValue;
  readonly threshold: string | null;
  readonly points: Points;
  #render: Messages | null;
  #zh = '';
  #en = '';

  constructor(id: string, status: CriterionStatus, value: CriterionValue, threshold: string | null, points: Points, render: Messages) {
    this.id = id;
    this.status = status;
    this.value = value;
    this.threshold = threshold;
    this.points = points;
    this.#render = render;
  }

  #ensure(): void {
    if (this.#render === null) return;
    const [zh, en] = this.#render();
    this.#zh = zh;
    this.#en = en;
    this.#render = null;
  }

  get message(): string {
    this.#ensure();
    return this.#zh;
  }

  get message_en(): string {
    this.#ensure();
    return this.#en;
  }

  toJSON(): Criterion {
    this.#ensure();
    return { id: this.id, status: this.status, value: this.value, threshold: this.threshold, points: this.points, message: this.#zh, message_en: this.#en };
  }
}

export function criterion(id: string, status: CriterionStatus, value: CriterionValue, threshold: string | null, points: Points, render: Messages): Criterion {
  return new EvaluatedCriterion(id, status, value, threshold, points, render);
}

export function statusOf(t: Tri): CriterionStatus {
  return t === 'yes' ? 'met' : t === 'no' ? 'unmet' : 'unknown';
}

/** The criterion reported when the datum it needs is missing from the profile. */
export function missing(id: string, threshold: string | null, fieldZh: string, fieldEn: string, points: Points = null): Criterion {
  return criterion(id, 'unknown', null, threshold, points, () => [`缺少数据：${fieldZh}`, `Missing data: ${fieldEn}`]);
}

export function gap(criterionId: string, shortfall: number | null, unit: Gap['unit'], message: string, messageEn: string): Gap {
  return { criterion: criterionId, shortfall, unit, message, message_en: messageEn };
}

/** A gap that repeats an unmet criterion's message, rendered when read (like the criterion's own). */
class CriterionGap implements Gap {
  readonly criterion: string;
  readonly shortfall = null;
  readonly unit = null;
  readonly #of: Criterion;

  constructor(of: Criterion) {
    this.criterion = of.id;
    this.#of = of;
  }

  get message(): string {
    return this.#of.message;
  }

  get message_en(): string {
    return this.#of.message_en;
  }

  toJSON(): Gap {
    return { criterion: this.criterion, shortfall: null, unit: null, message: this.message, message_en: this.message_en };
  }
}

/** Generic gap for an unmet yes/no condition, carrying the criterion's own message. */
export function gapFrom(c: Criterion): Gap {
  return new CriterionGap(c);
}
