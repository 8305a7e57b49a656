// An industry index over every period of its dataset: the chained price index, development, 景气 and diffusion,
// and the composite with the base period = 100.
import type { IndustryDefinition } from '../frameworks/framework-definition.ts';
import type { IndustryPeriod, IndustryResult } from '../runs/index-result.ts';
import {
  chainedPriceIndex, compositeIndex, developmentIndex, diffusionIndex, overallSentiment, sentimentIndex, type PriceQuote, type SurveyCount,
} from './industry-index.ts';

export type IndustryData = {
  prices: readonly PriceQuote[];
  surveys: readonly ({ period: string; question: string } & SurveyCount)[];
  figures: readonly { period: string; item: string; value: number }[];
};

export function computeIndustry(def: IndustryDefinition, data: IndustryData): IndustryResult {
  const periods = [...new Set([...data.prices.map((p) => p.period), ...data.surveys.map((s) => s.period), ...data.figures.map((f) => f.period)])]
    .filter((p) => p >= def.basePeriod).sort();
  const price = new Map(chainedPriceIndex(data.prices.filter((p) => p.period >= def.basePeriod), periods, def.classWeights).map((p) => [p.period, p.index]));
  const survey = (period: string, question: string) => data.surveys.find((s) => s.period === period && s.question === question);
  const figuresOf = (period: string) => new Map(data.figures.filter((f) => f.period === period).map((f) => [f.item, f.value]));
  const base = figuresOf(def.basePeriod);
  const rows: IndustryPeriod[] = periods.map((period) => {
    const cur = survey(period, def.sentiment.currentQuestion);
    const exp = survey(period, def.sentiment.expectedQuestion);
    const sentimentCurrent = cur ? sentimentIndex(cur) : null;
    const sentimentExpected = exp ? sentimentIndex(exp) : null;
    const sentiment = sentimentCurrent !== null && sentimentExpected !== null
      ? overallSentiment(sentimentCurrent, sentimentExpected, def.sentiment.currentWeight) : null;
    const diffusions = def.diffusionQuestions.map((q) => survey(period, q)).flatMap((s) => (s ? [diffusionIndex(s)] : [])).filter((d): d is number => d !== null);
    return {
      period,
      price: price.get(period) ?? null,
      development: developmentIndex(figuresOf(period), base, def.developmentItems),
      sentiment, sentimentCurrent, sentimentExpected,
      diffusion: diffusions.length === 0 ? null : diffusions.reduce((a, b) => a + b, 0) / diffusions.length,
      composite: null,
    };
  });
  const series = {
    price: new Map(rows.flatMap((r) => (r.price === null ? [] : [[r.period, r.price] as [string, number]]))),
    development: new Map(rows.flatMap((r) => (r.development === null ? [] : [[r.period, r.development] as [string, number]]))),
    sentiment: new Map(rows.flatMap((r) => (r.sentiment === null ? [] : [[r.period, r.sentiment] as [string, number]]))),
    diffusion: new Map(rows.flatMap((r) => (r.diffusion === null ? [] : [[r.period, r.diffusion] as [string, number]]))),
  };
  for (const r of rows) r.composite = compositeIndex(series, def.compositeWeights, def.basePeriod, r.period);
  return { kind: 'industry', basePeriod: def.basePeriod, periods: rows };
}
