// Listing imports started over HTTP run after the upload is answered: the job row carries the progress the
// page polls, and the rejected rows are kept so the error report can be downloaded later.
import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const marketImportStatuses = ['running', 'finished', 'failed'] as const;

export const marketImportJobs = pgTable('market_import_jobs', {
  regionCode: text('region_code').notNull(),
  id: uuid('id').notNull(),
  format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
  fileName: text('file_name').notNull(),
  /** The organisation whose listings the file may contain; null for a bureau import. */
  organisationId: uuid('organisation_id'),
  publish: text('publish_status', { enum: ['draft', 'published'] }).notNull(),
  status: text('status', { enum: marketImportStatuses }).notNull(),
  totalBytes: bigint('total_bytes', { mode: 'number' }).notNull(),
  readBytes: bigint('read_bytes', { mode: 'number' }).notNull().default(0),
  rowsRead: integer('rows_read').notNull().default(0),
  rowsImported: integer('rows_imported').notNull().default(0),
  rowsFailed: integer('rows_failed').notNull().default(0),
  /** A file-level failure (unreadable file): nothing was imported after it. */
  error: jsonb('error').$type<{ code: string; message: string; message_en: string }>(),
  headers: jsonb('headers').$type<string[]>().notNull().default([]),
  startedBy: uuid('started_by'),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
}, (t) => [primaryKey({ columns: [t.regionCode, t.id] })]);

/** Rejected rows as they were read, with their errors: the error report is the sent sheet plus an error column. */
export const marketImportRejects = pgTable('market_import_rejects', {
  regionCode: text('region_code').notNull(),
  jobId: uuid('job_id').notNull(),
  rowNumber: integer('row_number').notNull(),
  cells: jsonb('cells').$type<string[]>().notNull(),
  errors: jsonb('errors').$type<{ field: string; code: string; message: string; message_en: string }[]>().notNull(),
}, (t) => [primaryKey({ columns: [t.regionCode, t.jobId, t.rowNumber] })]);
