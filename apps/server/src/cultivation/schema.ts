// Cultivation tables: evaluation runs over the registry, each enterprise's engine input and per-rule
// outcome (with the rule pack version), and the cultivation pools (培育库) staff manage.
import { integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid, date, index } from 'drizzle-orm/pg-core';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const runStatuses = ['running', 'finished', 'failed'] as const;
export type RunStatus = (typeof runStatuses)[number];

export const evaluationRuns = pgTable('cultivation_runs', {
  regionCode: text('region_code').notNull(),
  id: uuid('id').notNull(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  trigger: text('trigger', { enum: ['manual', 'nightly', 'cli'] }).notNull(),
  status: text('status', { enum: runStatuses }).notNull(),
  total: integer('total').notNull().default(0),
  done: integer('done').notNull().default(0),
  /** { rule: version } of every pack the run used. */
  ruleVersions: jsonb('rule_versions').notNull().default({}),
  error: text('error'),
  startedAt: stamp('started_at').notNull().defaultNow(),
  finishedAt: stamp('finished_at'),
}, (t) => [primaryKey({ columns: [t.regionCode, t.id] })]);

/** The profile the engine was given: with the stored version it reproduces every criterion and gap. */
export const evaluationInputs = pgTable('cultivation_inputs', {
  regionCode: text('region_code').notNull(),
  runId: uuid('run_id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  profile: jsonb('profile').notNull(),
}, (t) => [primaryKey({ columns: [t.regionCode, t.runId, t.organisationId] })]);

export const evaluationResults = pgTable('cultivation_results', {
  regionCode: text('region_code').notNull(),
  runId: uuid('run_id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  rule: text('rule').notNull(),
  version: text('version').notNull(),
  outcome: text('outcome', { enum: ['qualified', 'not_qualified', 'undetermined'] }).notNull(),
  scoreMin: numeric('score_min'),
  scoreMax: numeric('score_max'),
  unmet: integer('unmet').notNull(),
  unknown: integer('unknown').notNull(),
  /** Criterion ids with a gap, for the pool board without re-evaluating. */
  gapCriteria: text('gap_criteria').array().notNull(),
}, (t) => [primaryKey({ columns: [t.regionCode, t.runId, t.organisationId, t.rule] }), index('cultivation_results_rule').on(t.regionCode, t.runId, t.rule, t.outcome)]);

export const poolMembers = pgTable('cultivation_pool_members', {
  regionCode: text('region_code').notNull(),
  /** The tier the pool prepares for: a rule pack id. */
  tier: text('tier').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  status: text('status', { enum: ['active', 'removed'] }).notNull(),
  source: text('source', { enum: ['engine', 'staff'] }).notNull(),
  addedRunId: uuid('added_run_id'),
  addedAt: stamp('added_at').notNull().defaultNow(),
  mentor: text('mentor'),
  removedReason: text('removed_reason'),
  removedAt: stamp('removed_at'),
}, (t) => [primaryKey({ columns: [t.regionCode, t.tier, t.organisationId] })]);
