// Response schemas of the monitoring endpoints.
import { z } from 'zod';
import { targetComparisons } from './schema.ts';

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

// ——— monitoring and evaluation (监测评价) ———

export const Indicator = z.object({
  code: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string(), unitEn: z.string(), direction: z.number(),
  definitionZh: z.string(), definitionEn: z.string(), source: z.string(), formula: z.string().nullable().describe('computed indicators: e.g. "rd_expenditure ÷ gdp × 100"'),
});
export const IndicatorList = z.object({ items: z.array(Indicator) });
export const CodeParams = z.strictObject({ code: z.string().regex(/^[a-z0-9_-]{1,80}$/) });
export const IdParams = z.strictObject({ id: z.uuid() });

const SeriesPoint = z.object({
  period: z.string(), value: z.number(), computed: z.boolean(),
  status: z.enum(['preliminary', 'final']).nullable(), source: z.string().nullable(),
});
export const IndicatorSeries = z.object({
  indicator: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string(), unitEn: z.string(), formula: z.string().nullable() }),
  regions: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), level: z.string(), points: z.array(SeriesPoint) })),
});

export const ImportRequest = z.strictObject({
  fileBase64: z.string().min(1).max(14_000_000).describe('the .xlsx file, base64-encoded'),
  dryRun: z.boolean().default(true).describe('only check; nothing is written'),
});
export const ReportRequest = z.strictObject({ fileBase64: z.string().min(1).max(14_000_000) });
const Issue = z.object({
  row: z.number().nullable(), column: z.string().nullable(), severity: z.enum(['error', 'warning']), code: z.string(), message: z.string(), messageEn: z.string(),
});
export const ImportResponse = z.object({
  rows: z.number(), accepted: z.number(), written: z.number(), errorCount: z.number(), warningCount: z.number(), issues: z.array(Issue),
});

const BoardTarget = z.object({
  indicatorCode: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string(), unitEn: z.string(),
  baselinePeriod: z.string().nullable(), baselineValue: z.number().nullable(), targetPeriod: z.string(), targetValue: z.number(),
  comparison: z.enum(['at_least', 'at_most']),
  latest: z.object({ period: z.string(), value: z.number() }).nullable(),
  completion: z.number().nullable(), progress: z.number().nullable(), cagrAchieved: z.number().nullable(), cagrNeeded: z.number().nullable(),
  forecast: z.number().nullable(), status: z.enum(['achieved', 'on_track', 'off_track', 'no_trend', 'no_data']),
  series: z.array(z.object({ period: z.string(), value: z.number(), computed: z.boolean(), live: z.boolean() })),
  live: z.object({ module: z.string(), descriptionZh: z.string(), descriptionEn: z.string() }).nullable(),
});
export const TargetBoard = z.object({
  plans: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), startPeriod: z.string(), endPeriod: z.string(), targets: z.array(BoardTarget) })),
});

export const Framework = z.object({
  code: z.string(), kind: z.enum(['composite', 'industry']), nameZh: z.string(), nameEn: z.string(), version: z.number(), updatedAt: z.string(),
  definition: z.unknown().describe('composite: { meta, recipe, sensitivity }; industry: its configuration'),
});
export const FrameworkList = z.object({ items: z.array(Framework) });
// ranges are checked by the operation, which names the node in its error (negative_weight, zero_weights …)
export const WeightsRequest = z.strictObject({ weights: z.record(z.string().max(80), z.number()) });
export const RunRequest = z.strictObject({
  period: z.string().regex(/^\d{4}$/).optional().describe('default: the latest year with data'),
  sensitivity: z.strictObject({ n: z.number().int().min(10).max(2000), seed: z.number().int().min(0) }).optional(),
});
export const RunSummary = z.object({ id: z.string(), frameworkCode: z.string(), frameworkVersion: z.number(), period: z.string(), createdAt: z.string() });
export const RunList = z.object({ items: z.array(RunSummary) });
export const IndexRun = RunSummary.extend({ result: z.unknown().describe('CompositeResult or IndustryResult, see monitoring/runs/index-result.ts') });
export const RunListQuery = z.strictObject({ framework: z.string().optional() });
export const ReportQuery = z.strictObject({ run: z.uuid().optional() });
export const PdfReportQuery = z.strictObject({
  run: z.uuid().optional().describe('default: the latest run of the innovative-city framework'),
  lang: z.enum(['zh', 'en']).default('zh').describe('language of the report'),
});

// ——— action plans and targets (bureau writes) ———

export const PlanParams = z.strictObject({ code: z.string().regex(/^[a-z0-9_-]{1,80}$/, '小写字母、数字、-、_ / lower-case letters, digits, - and _') });
export const PlanTargetParams = PlanParams.extend({ indicator: z.string().min(1).max(80) });
// years are checked by the operation, which explains the rule (four digits, target after baseline, within the plan)
export const PlanRequest = z.strictObject({
  nameZh: z.string().trim().min(1).max(200), nameEn: z.string().trim().min(1).max(300),
  startPeriod: z.string().max(10).describe('YYYY'), endPeriod: z.string().max(10).describe('YYYY'),
});
export const Plan = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), startPeriod: z.string(), endPeriod: z.string() });
export const TargetRequest = z.strictObject({
  baselinePeriod: z.string().max(10).nullable().default(null).describe('YYYY; null together with baselineValue'),
  baselineValue: z.number().nullable().default(null),
  targetPeriod: z.string().max(10).describe('YYYY, after the baseline and within the plan'),
  targetValue: z.number(),
  comparison: z.enum(targetComparisons).default('at_least').describe('at_least: reach or exceed; at_most: stay at or below (e.g. energy per GDP)'),
});
export const PlanTarget = z.object({
  planCode: z.string(), indicatorCode: z.string(), baselinePeriod: z.string().nullable(), baselineValue: z.number().nullable(),
  targetPeriod: z.string(), targetValue: z.number(), comparison: z.enum(targetComparisons),
});
