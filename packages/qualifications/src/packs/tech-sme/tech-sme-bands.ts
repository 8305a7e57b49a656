// 科技型中小企业评价办法（国科发政〔2017〕115号）附件《科技型中小企业评价指标》: the three scored indicators.
import { pct, rest, type Band } from '../../shared/bands.ts';

/** 指标一 科技人员指标 (20分): 科技人员数占企业职工总数的比例. */
export const SCIENCE_STAFF_BANDS: readonly Band[] = [pct(30, 20), pct(25, 16), pct(20, 12), pct(15, 8), pct(10, 4), rest(0)];

/** 指标二 研发投入指标 (50分), 方式一: 研发费用总额占销售收入总额的比例. */
export const RD_SALES_BANDS: readonly Band[] = [pct(6, 50), pct(5, 40), pct(4, 30), pct(3, 20), pct(2, 10), rest(0)];

/** 指标二 研发投入指标 (50分), 方式二: 研发费用总额占成本费用支出总额的比例. */
export const RD_COST_BANDS: readonly Band[] = [pct(30, 50), pct(25, 40), pct(20, 30), pct(15, 20), pct(10, 10), rest(0)];

/** 指标三 科技成果指标 (30分): 按有效知识产权类别和数量（不含商标）. */
export function ipPoints(class1: number, class2: number): number {
  if (class1 >= 1) return 30;
  if (class2 >= 4) return 24;
  return class2 * 6; // 3 Ⅱ类 → 18, 2 → 12, 1 → 6, 0 → 0
}
