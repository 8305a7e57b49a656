// Platform tables: the region dictionary, organisations, accounts, sessions and the audit log.
// Tenancy: tenant-scoped tables lead their primary key with region_code (the Citus distribution column);
// see docs/SCALING.md and table-classes.ts, which a test checks against the live catalogue.
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** GB/T 2260 administrative divisions. Reference table: replicated to every node under Citus. */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  level: text('level', { enum: ['province', 'city', 'district'] }).notNull(),
  parentCode: text('parent_code'),
});

export const organisationKinds = ['enterprise', 'university', 'institute', 'service_provider', 'bank', 'bureau'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Every organisation that acts on the platform, identified by its 统一社会信用代码. Tenant-scoped. */
export const organisations = pgTable(
  'organisations',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    name: text('name').notNull(),
    uscc: text('uscc').notNull(),
    districtCode: text('district_code'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), uniqueIndex('organisations_region_uscc').on(t.regionCode, t.uscc)],
);

export const roles = ['bureau_admin', 'bureau_staff', 'expert', 'enterprise_user', 'provider_user', 'bank_user'] as const;
export type Role = (typeof roles)[number];

/**
 * Accounts. A platform table, not tenant-scoped: a login (phone or e-mail) is unique across the whole
 * platform, and experts and banks work for several cities. region_code is the account's home tenant.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    email: text('email'),
    phone: text('phone'),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    organisationId: uuid('organisation_id'),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('users_email').on(sql`lower(${t.email})`),
    uniqueIndex('users_phone').on(t.phone),
  ],
);

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. Platform table. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Append-only, hash-chained record of every write, one chain per region. The database refuses UPDATE,
 * DELETE and TRUNCATE on it (trigger in the migrations); `kechuang audit verify` re-walks the chains.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    regionCode: text('region_code').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.seq] })],
);
