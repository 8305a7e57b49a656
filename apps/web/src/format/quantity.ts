import type { Lang } from '../i18n/messages.ts';

// Values arrive in Chinese statistical units (亿元, 万元, 家, 个, %, 件). Chinese readers see them as they are;
// English readers get money rescaled to the units they count in (1 亿 = 100 million, 1 万 = 10 thousand),
// and the server's English unit for everything else.

export type Quantity = { value: number; unit: string };

const MONEY_IN_ENGLISH: Record<string, { factor: number; unit: string }> = {
  亿元: { factor: 0.1, unit: 'CNY bn' },
  万元: { factor: 0.01, unit: 'CNY m' },
  元: { factor: 1, unit: 'CNY' },
};

export function toDisplayQuantity(value: number, unitZh: string, unitEn: string, lang: Lang): Quantity {
  if (lang === 'zh-CN') return { value, unit: unitZh };
  const money = MONEY_IN_ENGLISH[unitZh];
  if (money) return { value: round(value * money.factor, 10), unit: money.unit };
  return { value, unit: unitEn || unitZh };
}

export function displayUnit(unitZh: string, unitEn: string, lang: Lang): string {
  return toDisplayQuantity(1, unitZh, unitEn, lang).unit;
}

/** Rounds away binary noise such as 15.391000000000002 without losing real digits. */
function round(value: number, significantDigits: number): number {
  return Number(value.toPrecision(significantDigits));
}

export function formatNumber(value: number, lang: Lang, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: maxFractionDigits }).format(value);
}

const isPercent = (unit: string) => unit === '%';
const isCjk = (unit: string) => /\p{Script=Han}/u.test(unit);

/** "153.91亿元", "2.83%", "1,036家"; in English "CNY 15.39 bn", "2.83%", "1,036 firms". */
export function formatQuantity(value: number, unitZh: string, unitEn: string, lang: Lang): string {
  const q = toDisplayQuantity(value, unitZh, unitEn, lang);
  const number = formatNumber(q.value, lang, 2);
  if (!q.unit) return number;
  if (isPercent(q.unit) || isCjk(q.unit)) return `${number}${q.unit}`;
  if (q.unit.startsWith('CNY ')) return `CNY ${number} ${q.unit.slice(4)}`;
  return `${number} ${q.unit}`;
}

/** A ratio such as 0.6523 as "65.2%". */
export function formatRatio(ratio: number, lang: Lang, fractionDigits = 1): string {
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(ratio);
}

/**
 * A change between two values, signed. A change of a percentage is in percentage points (2.37% → 2.83% is
 * +0.46 个百分点 / pp), not a percent.
 */
export function formatChange(delta: number, unitZh: string, unitEn: string, lang: Lang): string {
  const sign = delta > 0 ? '+' : '';
  if (isPercent(unitZh)) return `${sign}${formatNumber(delta, lang, 2)}${lang === 'en' ? ' pp' : '个百分点'}`;
  return `${sign}${formatQuantity(delta, unitZh, unitEn, lang)}`;
}
