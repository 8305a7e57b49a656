// 工作指引 三(一) 知识产权 (≤ 30 分): 技术的先进程度 ≤ 8 and 对主要产品的核心支持作用 ≤ 8 (expert-judged),
// 知识产权数量 ≤ 8, 知识产权获得方式 ≤ 6, and 参与标准制定 bonus ≤ 2; the total never exceeds 30.
import type { HnteExpertScores, Profile } from '../../types.ts';
import type { IpCounts } from '../../shared/facts.ts';

export interface Part {
  min: number;
  max: number;
  /** True when an expert still has to judge the part. */
  expert: boolean;
}

/** 数量: A ≥1 Ⅰ类 7–8, B ≥5 Ⅱ类 5–6, C 3–4 Ⅱ类 3–4, D 1–2 Ⅱ类 1–2, E 0. */
export function quantityPart(c: IpCounts): Part {
  if (c.class1 >= 1) return { min: 7, max: 8, expert: false };
  if (c.class2 >= 5) return { min: 5, max: 6, expert: false };
  if (c.class2 >= 3) return { min: 3, max: 4, expert: false };
  if (c.class2 >= 1) return { min: 1, max: 2, expert: false };
  return { min: 0, max: 0, expert: false };
}

/** 获得方式: 有自主研发 1–6; 仅有受让、受赠和并购等 1–3. */
export function acquisitionPart(c: IpCounts): Part {
  if (c.grantedSelf > 0) return { min: 1, max: 6, expert: false };
  if (c.granted > 0) return { min: 1, max: 3, expert: false };
  return { min: 0, max: 0, expert: false };
}

/** 技术先进程度 / 核心支持作用: the expert's score when given, else the whole 0–8 band (0 without IP). */
export function expertPart(c: IpCounts, given: number | undefined): Part {
  if (c.granted === 0) return { min: 0, max: 0, expert: false };
  if (given !== undefined) return { min: given, max: given, expert: false };
  return { min: 0, max: 8, expert: true };
}

/** 加分项 (≤ 2): 参与编制国家标准、行业标准、检测方法、技术规范 — the expert decides within 0–2. */
export function standardsBonus(p: Profile): Part {
  if (p.standards === undefined) return { min: 0, max: 2, expert: true };
  const took = p.standards.some((s) => s.level === 'international' || s.level === 'national' || s.level === 'industry');
  return took ? { min: 0, max: 2, expert: true } : { min: 0, max: 0, expert: false };
}

export function ipParts(p: Profile, c: IpCounts, expert: HnteExpertScores | undefined): Part[] {
  return [
    expertPart(c, expert?.techAdvancement),
    expertPart(c, expert?.coreSupport),
    quantityPart(c),
    acquisitionPart(c),
    standardsBonus(p),
  ];
}
