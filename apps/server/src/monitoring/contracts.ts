// Response schemas of the monitoring endpoints.
import { z } from 'zod';

export const RegionParams = z.strictObject({ code: z.string().regex(/^\d{6}$/, '6 位行政区划代码 / 6-digit division code') });

const Observation = z.object({ period: z.string(), value: z.number() });

export const RegionOverview = z.object({
  region: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
  indicators: z.array(z.object({
    code: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string(), unitEn: z.string(), observations: z.array(Observation),
  })),
  targets: z.array(z.object({
    indicatorCode: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string(), unitEn: z.string(),
    baselinePeriod: z.string().nullable(), baselineValue: z.number().nullable(),
    targetPeriod: z.string(), targetValue: z.number(),
    latestPeriod: z.string().nullable(), latestValue: z.number().nullable(),
    completion: z.number().nullable().describe('latest ÷ target'),
    cagrNeeded: z.number().nullable().describe('compound annual growth needed from the latest value to the target'),
    comparison: z.enum(['at_least', 'at_most']),
  })),
});
export type RegionOverviewBody = z.infer<typeof RegionOverview>;
