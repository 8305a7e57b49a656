// Industry-index arithmetic (丽水滚动功能部件产业指数 style; DOMAIN.md "Measuring"). Pure, no I/O.
// - price: Jevons (geometric mean of price relatives) within a product class, Laspeyres (base-weighted
//   arithmetic mean of the class links) above, chained: fixed-base index = 100 × product of the links;
// - sentiment 景气 = (share good − share bad) × 100 + 100, overall = 0.4 × current + 0.6 × expected;
// - diffusion = share up + ½ share flat (× 100);
// - development: 100 × value ÷ base-period value per item, weighted;
// - composite: weighted mean of the sub-indices, each rebased so that the base period = 100.

export type PriceQuote = { period: string; productClass: string; product: string; price: number };
export type SurveyCount = { up: number; flat: number; down: number };

/** Jevons link between two periods: geometric mean of p_t / p_{t−1} over products quoted in both. */
export function jevonsLink(previous: ReadonlyMap<string, number>, current: ReadonlyMap<string, number>): number | null {
  let sumLog = 0;
  let n = 0;
  for (const [product, price] of current) {
    const before = previous.get(product);
    if (before === undefined || before <= 0 || price <= 0) continue;
    sumLog += Math.log(price / before);
    n++;
  }
  return n === 0 ? null : Math.exp(sumLog / n);
}

/** Laspeyres link: Σ w_k · J_k over classes with a link, the base weights renormalised over those classes. */
export function laspeyresLink(classLinks: ReadonlyMap<string, number>, weights: Readonly<Record<string, number>>): number | null {
  let num = 0;
  let den = 0;
  for (const [cls, link] of classLinks) {
    const w = weights[cls] ?? 0;
    num += w * link;
    den += w;
  }
  return den === 0 ? null : num / den;
}

export type PricePoint = { period: string; index: number; link: number | null; classLinks: Record<string, number> };

/**
 * The chained price index over `periods` (in order): 100 in the first, then × each period's Laspeyres link.
 * A period with no matched quotes carries the level forward (link missing), so one missed survey does not
 * break the chain.
 */
export function chainedPriceIndex(quotes: readonly PriceQuote[], periods: readonly string[], classWeights: Readonly<Record<string, number>>): PricePoint[] {
  const byPeriodClass = new Map<string, Map<string, Map<string, number>>>();
  for (const q of quotes) {
    const classes = byPeriodClass.get(q.period) ?? new Map<string, Map<string, number>>();
    const prices = classes.get(q.productClass) ?? new Map<string, number>();
    prices.set(q.product, q.price);
    classes.set(q.productClass, prices);
    byPeriodClass.set(q.period, classes);
  }
  const out: PricePoint[] = [];
  let level = 100;
  periods.forEach((period, i) => {
    if (i === 0) { out.push({ period, index: 100, link: null, classLinks: {} }); return; }
    const prev = byPeriodClass.get(periods[i - 1]!) ?? new Map<string, Map<string, number>>();
    const cur = byPeriodClass.get(period) ?? new Map<string, Map<string, number>>();
    const classLinks = new Map<string, number>();
    for (const [cls, prices] of cur) {
      const link = jevonsLink(prev.get(cls) ?? new Map<string, number>(), prices);
      if (link !== null) classLinks.set(cls, link);
    }
    const link = laspeyresLink(classLinks, classWeights);
    if (link !== null) level *= link;
    out.push({ period, index: level, link, classLinks: Object.fromEntries(classLinks) });
  });
  return out;
}

function shares(c: SurveyCount): { up: number; flat: number; down: number } | null {
  const total = c.up + c.flat + c.down;
  return total === 0 ? null : { up: c.up / total, flat: c.flat / total, down: c.down / total };
}

/** 景气指数 of one question: (share good − share bad) × 100 + 100, in [0, 200]; 100 is neutral. */
export function sentimentIndex(c: SurveyCount): number | null {
  const s = shares(c);
  return s === null ? null : (s.up - s.down) * 100 + 100;
}

/** Overall sentiment = 0.4 × current + 0.6 × expected. */
export function overallSentiment(current: number, expected: number, currentWeight = 0.4): number {
  return currentWeight * current + (1 - currentWeight) * expected;
}

/** 扩散指数 = (share up + ½ share flat) × 100, in [0, 100]; 50 is neutral. */
export function diffusionIndex(c: SurveyCount): number | null {
  const s = shares(c);
  return s === null ? null : (s.up + s.flat / 2) * 100;
}

/** 100 × Σ w_i · v_i,t / v_i,base over items with both values, weights renormalised over them. */
export function developmentIndex(values: ReadonlyMap<string, number>, base: ReadonlyMap<string, number>, weights: Readonly<Record<string, number>>): number | null {
  let num = 0;
  let den = 0;
  for (const [item, w] of Object.entries(weights)) {
    const v = values.get(item);
    const b = base.get(item);
    if (v === undefined || b === undefined || b === 0) continue;
    num += w * (100 * v) / b;
    den += w;
  }
  return den === 0 ? null : num / den;
}

/**
 * Composite with base period = 100: each sub-index series is rebased (100 × S_t ÷ S_base), then averaged with
 * the weights renormalised over the sub-indices present in that period.
 */
export function compositeIndex(series: Readonly<Record<string, ReadonlyMap<string, number>>>, weights: Readonly<Record<string, number>>, basePeriod: string, period: string): number | null {
  let num = 0;
  let den = 0;
  for (const [name, w] of Object.entries(weights)) {
    const s = series[name];
    const base = s?.get(basePeriod);
    const v = s?.get(period);
    if (base === undefined || v === undefined || base === 0) continue;
    num += w * (100 * v) / base;
    den += w;
  }
  return den === 0 ? null : num / den;
}
