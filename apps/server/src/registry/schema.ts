// Registry tables: the enterprise profile (registry attributes of an identity organisation of kind
// 'enterprise'), its fiscal years, IP holdings, certificates and honours; innovation platforms; talents;
// import jobs and their rejected rows. Every table is tenant-scoped: region_code leads the primary key.
// Organisations themselves belong to identity (no foreign keys across modules).
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const fen = (name: string) => bigint(name, { mode: 'bigint' });
const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const enterpriseProfiles = pgTable('registry_enterprises', {
  regionCode: text('region_code').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  foundedOn: date('founded_on', { mode: 'string' }),
  /** GB/T 4754-2017 code: a letter and up to four digits (C3435). */
  industryCode: text('industry_code'),
  techField: text('tech_field'),
  cluster: text('cluster'),
  /** null: not known. */
  listed: boolean('listed'),
  industryRestricted: boolean('industry_restricted').notNull().default(false),
  /** The four incident flags of the official texts, in the last and current year. */
  incidentSafetyQuality: boolean('incident_safety_quality').notNull().default(false),
  incidentEnvironmental: boolean('incident_environmental').notNull().default(false),
  incidentDishonesty: boolean('incident_dishonesty').notNull().default(false),
  incidentAbnormalListing: boolean('incident_abnormal_listing').notNull().default(false),
  /**
   * IP counted by kind, status and how it was acquired — what the rules read and the bureau's forms report — as
   * `{"invention/granted/self": 4, …}`; null: none recorded. Kept on the profile row rather than as rows of their
   * own: two IP rows per enterprise and their index entries were a fifth of an import's database CPU.
   */
  ipCounts: jsonb('ip_counts').$type<Record<string, number>>(),
  updatedAt: stamp('updated_at').notNull().defaultNow(),
  // No index on cluster: its filter reads a tenth of the region, and the index cost 13 % of an import's database CPU.
}, (t) => [primaryKey({ columns: [t.regionCode, t.organisationId] })]);

export const fiscalYears = pgTable('registry_fiscal_years', {
  regionCode: text('region_code').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  year: integer('year').notNull(),
  salesRevenueFen: fen('sales_revenue_fen'),
  operatingRevenueFen: fen('operating_revenue_fen'),
  mainBusinessRevenueFen: fen('main_business_revenue_fen'),
  highTechRevenueFen: fen('high_tech_revenue_fen'),
  totalRevenueFen: fen('total_revenue_fen'),
  rdExpenseFen: fen('rd_expense_fen'),
  rdExpenseDomesticFen: fen('rd_expense_domestic_fen'),
  costsAndExpensesFen: fen('costs_and_expenses_fen'),
  totalAssetsFen: fen('total_assets_fen'),
  totalLiabilitiesFen: fen('total_liabilities_fen'),
  netAssetsFen: fen('net_assets_fen'),
  netProfitFen: fen('net_profit_fen'),
  employees: integer('employees'),
  scienceStaff: integer('science_staff'),
  rdStaff: integer('rd_staff'),
  /** 科技成果转化数 of the year (hnte 科技成果转化能力). */
  conversions: integer('conversions'),
}, (t) => [primaryKey({ columns: [t.regionCode, t.organisationId, t.year] })]);

export const certificates = pgTable('registry_certificates', {
  regionCode: text('region_code').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  id: uuid('id').notNull(),
  kind: text('kind').notNull(),
  level: text('level').notNull().default('national'),
  number: text('number'),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validUntil: date('valid_until', { mode: 'string' }).notNull(),
}, (t) => [primaryKey({ columns: [t.regionCode, t.organisationId, t.id] }), index('registry_certificates_expiry').on(t.regionCode, t.validUntil),
  // The sheet import's natural key: one certificate per holder, kind and number.
  unique('registry_certificates_natural').on(t.regionCode, t.organisationId, t.kind, t.number)]);

/** Awards, recognised R&D institutions, standards and equity financing rounds: what direct-pass rules read. */
export const honours = pgTable('registry_honours', {
  regionCode: text('region_code').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  id: uuid('id').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull().default(''),
  level: text('level'),
  role: text('role'),
  rank: integer('rank'),
  year: integer('year'),
  amountFen: fen('amount_fen'),
  onDate: date('on_date', { mode: 'string' }),
}, (t) => [primaryKey({ columns: [t.regionCode, t.organisationId, t.id] }),
  // The sheet import's natural key; a missing year is a value like any other (an institution has none).
  unique('registry_honours_natural').on(t.regionCode, t.organisationId, t.kind, t.name, t.year).nullsNotDistinct()]);

export const platforms = pgTable('registry_platforms', {
  regionCode: text('region_code').notNull(),
  id: uuid('id').notNull(),
  hostOrganisationId: uuid('host_organisation_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  level: text('level').notNull(),
  approvedOn: date('approved_on', { mode: 'string' }).notNull(),
  revokedOn: date('revoked_on', { mode: 'string' }),
}, (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('registry_platforms_host').on(t.regionCode, t.hostOrganisationId),
  unique('registry_platforms_natural').on(t.regionCode, t.hostOrganisationId, t.name)]);

export const talents = pgTable('registry_talents', {
  regionCode: text('region_code').notNull(),
  id: uuid('id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['team', 'individual'] }).notNull(),
  programme: text('programme').notNull(),
  year: integer('year').notNull(),
}, (t) => [primaryKey({ columns: [t.regionCode, t.id] }), unique('registry_talents_natural').on(t.regionCode, t.organisationId, t.name, t.programme)]);

/** `interrupted`: the server stopped during the import and the uploaded file was gone when it started again. */
export const importStatuses = ['running', 'finished', 'failed', 'interrupted'] as const;
export const importKinds = ['enterprises', 'certificates', 'honours', 'platforms', 'talents'] as const;

export const importJobs = pgTable('registry_import_jobs', {
  regionCode: text('region_code').notNull(),
  id: uuid('id').notNull(),
  kind: text('kind', { enum: importKinds }).notNull().default('enterprises'),
  format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
  fileName: text('file_name').notNull(),
  /** The upload as kept in DATA_DIR until the job ends, so a restart can resume it; null for the CLI's own files. */
  storedPath: text('stored_path'),
  /** Every row up to this sheet row number is written or in the rejects: a resumed job starts after it. */
  resumeRow: integer('resume_row').notNull().default(0),
  status: text('status', { enum: importStatuses }).notNull(),
  totalBytes: bigint('total_bytes', { mode: 'number' }).notNull(),
  readBytes: bigint('read_bytes', { mode: 'number' }).notNull().default(0),
  rowsRead: integer('rows_read').notNull().default(0),
  rowsImported: integer('rows_imported').notNull().default(0),
  rowsFailed: integer('rows_failed').notNull().default(0),
  /** A file-level problem (empty sheet, wrong headers): nothing was imported. */
  error: jsonb('error'),
  headers: jsonb('headers').notNull().default([]),
  startedBy: uuid('started_by'),
  startedAt: stamp('started_at').notNull().defaultNow(),
  finishedAt: stamp('finished_at'),
}, (t) => [primaryKey({ columns: [t.regionCode, t.id] })]);

/** Rejected rows, kept as read, so the error report is the sheet the user sent with an error column added. */
export const importRejects = pgTable('registry_import_rejects', {
  regionCode: text('region_code').notNull(),
  jobId: uuid('job_id').notNull(),
  rowNumber: integer('row_number').notNull(),
  cells: jsonb('cells').notNull(),
  errors: jsonb('errors').notNull(),
}, (t) => [primaryKey({ columns: [t.regionCode, t.jobId, t.rowNumber] })]);
