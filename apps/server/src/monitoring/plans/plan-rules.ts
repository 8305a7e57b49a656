// The rules a plan and a target must keep, pure so the operations and their tests share them. Each broken
// rule is a DomainError naming the field, in Chinese and English.
import { DomainError } from '../../platform/errors/domain-error.ts';

export type PlanInput = { nameZh: string; nameEn: string; startPeriod: string; endPeriod: string };
export type TargetInput = {
  baselinePeriod: string | null; baselineValue: number | null;
  targetPeriod: string; targetValue: number; comparison: 'at_least' | 'at_most';
};

const FIRST_YEAR = 1949;
const LAST_YEAR = 2100;

/** Plans and targets are annual (the target board reads annual observations). */
export function checkYear(value: string, field: string, label: { zh: string; en: string }): number {
  const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
    throw new DomainError('bad_year', field, {
      zh: `${label.zh}应为 ${FIRST_YEAR}—${LAST_YEAR} 之间的四位年份（如 2025），收到“${value}”`,
      en: `${label.en} must be a four-digit year between ${FIRST_YEAR} and ${LAST_YEAR} (e.g. 2025), got "${value}"`,
    });
  }
  return year;
}

export function checkPlan(input: PlanInput): void {
  const start = checkYear(input.startPeriod, 'startPeriod', { zh: '起始年份', en: 'The start year' });
  const end = checkYear(input.endPeriod, 'endPeriod', { zh: '结束年份', en: 'The end year' });
  if (end < start) {
    throw new DomainError('plan_end_before_start', 'endPeriod', {
      zh: `结束年份（${end}）不能早于起始年份（${start}）`, en: `The end year (${end}) cannot be before the start year (${start})`,
    });
  }
}

export function checkTarget(input: TargetInput, plan: { startPeriod: string; endPeriod: string }, unit: string): void {
  const targetYear = checkYear(input.targetPeriod, 'targetPeriod', { zh: '目标年份', en: 'The target year' });
  if ((input.baselinePeriod === null) !== (input.baselineValue === null)) {
    const field = input.baselinePeriod === null ? 'baselinePeriod' : 'baselineValue';
    throw new DomainError('baseline_incomplete', field, {
      zh: '基期年份和基期值须同时填写或同时留空', en: 'Give both the baseline year and the baseline value, or neither',
    });
  }
  if (input.baselinePeriod !== null) {
    const baselineYear = checkYear(input.baselinePeriod, 'baselinePeriod', { zh: '基期年份', en: 'The baseline year' });
    if (targetYear <= baselineYear) {
      throw new DomainError('target_before_baseline', 'targetPeriod', {
        zh: `目标年份（${targetYear}）必须晚于基期年份（${baselineYear}）`, en: `The target year (${targetYear}) must be after the baseline year (${baselineYear})`,
      });
    }
  }
  if (targetYear < Number(plan.startPeriod) || targetYear > Number(plan.endPeriod)) {
    throw new DomainError('target_outside_plan', 'targetPeriod', {
      zh: `目标年份（${targetYear}）应在行动方案期限 ${plan.startPeriod}—${plan.endPeriod} 年内`,
      en: `The target year (${targetYear}) must lie within the plan's period ${plan.startPeriod}–${plan.endPeriod}`,
    });
  }
  for (const [field, value, zh, en] of [
    ['targetValue', input.targetValue, '目标值', 'The target value'],
    ['baselineValue', input.baselineValue, '基期值', 'The baseline value'],
  ] as const) {
    if (value === null) continue;
    if (value < 0) throw new DomainError('negative_value', field, { zh: `${zh}不能为负数`, en: `${en} cannot be negative` });
    if (unit === '%' && value > 100) throw new DomainError('percentage_over_100', field, { zh: `${zh}是百分比，不能超过 100`, en: `${en} is a percentage and cannot exceed 100` });
  }
}
