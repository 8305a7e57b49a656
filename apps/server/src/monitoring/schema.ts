// Indicators, their observations per region and period, and action-plan targets.
import { integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { IndicatorFormula } from './catalogue/indicator-formula.ts';

/** The indicator catalogue. Reference table: the same definitions in every region. */
export const indicators = pgTable('indicators', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  unit: text('unit').notNull(),
  unitEn: text('unit_en').notNull(),
  /** 1 = more is better, −1 = less is better. */
  direction: smallint('direction').notNull().default(1),
  definitionZh: text('definition_zh').notNull().default(''),
  definitionEn: text('definition_en').notNull().default(''),
  /** Who publishes it (统计公报, 科技部火炬中心 …), in the catalogue's language pair "中文 / English". */
  source: text('source').notNull().default(''),
  /** Computed indicators (R&D intensity, per-10,000-population rates): evaluated at read time, never stored. */
  formula: jsonb('formula').$type<IndicatorFormula>(),
});

export const observationStatuses = ['preliminary', 'final'] as const;

export const indicatorObservations = pgTable(
  'indicator_observations',
  {
    regionCode: text('region_code').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    period: text('period').notNull(),
    value: numeric('value').notNull(),
    status: text('status', { enum: observationStatuses }).notNull().default('final'),
    source: text('source').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.indicatorCode, t.period] })],
);

export const actionPlans = pgTable(
  'action_plans',
  {
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    startPeriod: text('start_period').notNull(),
    endPeriod: text('end_period').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.code] })],
);

export const targetComparisons = ['at_least', 'at_most'] as const;

export const planTargets = pgTable(
  'plan_targets',
  {
    regionCode: text('region_code').notNull(),
    planCode: text('plan_code').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    baselinePeriod: text('baseline_period'),
    baselineValue: numeric('baseline_value'),
    targetPeriod: text('target_period').notNull(),
    targetValue: numeric('target_value').notNull(),
    comparison: text('comparison', { enum: targetComparisons }).notNull().default('at_least'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.planCode, t.indicatorCode] })],
);

export const frameworkKinds = ['composite', 'industry'] as const;

/**
 * An index framework: COINr-style indicator metadata (the tree and its weights) and a recipe, or an industry
 * index's configuration. Weights are configuration: editing them is an audited write.
 */
export const indexFrameworks = pgTable(
  'index_frameworks',
  {
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    kind: text('kind', { enum: frameworkKinds }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** composite: { meta: FrameworkMetaRow[], recipe: { steps } }; industry: IndustryIndexConfig. */
    definition: jsonb('definition').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.code] })],
);

/** One computation of a framework over stored observations: inputs, results and (optionally) sensitivity. */
export const indexRuns = pgTable(
  'index_runs',
  {
    regionCode: text('region_code').notNull(),
    id: text('id').notNull(),
    frameworkCode: text('framework_code').notNull(),
    frameworkVersion: integer('framework_version').notNull(),
    period: text('period').notNull(),
    result: jsonb('result').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] })],
);

/** Industry-index price quotes: one product's price in one period (Jevons within its class). */
export const industryPrices = pgTable(
  'industry_prices',
  {
    regionCode: text('region_code').notNull(),
    datasetCode: text('dataset_code').notNull(),
    period: text('period').notNull(),
    productClass: text('product_class').notNull(),
    product: text('product').notNull(),
    price: numeric('price').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.datasetCode, t.period, t.product] })],
);

/** Industry-index survey answers: counts of good/flat/bad (or up/flat/down) for one question in one period. */
export const industrySurveys = pgTable(
  'industry_surveys',
  {
    regionCode: text('region_code').notNull(),
    datasetCode: text('dataset_code').notNull(),
    period: text('period').notNull(),
    question: text('question').notNull(),
    up: integer('up').notNull(),
    flat: integer('flat').notNull(),
    down: integer('down').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.datasetCode, t.period, t.question] })],
);

/** Industry-index development figures (output value, orders, exports …) per period, for base-100 indices. */
export const industryFigures = pgTable(
  'industry_figures',
  {
    regionCode: text('region_code').notNull(),
    datasetCode: text('dataset_code').notNull(),
    period: text('period').notNull(),
    item: text('item').notNull(),
    value: numeric('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.datasetCode, t.period, t.item] })],
);
