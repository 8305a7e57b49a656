// Indicators, their observations per region and period, and action-plan targets.
import { numeric, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

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
