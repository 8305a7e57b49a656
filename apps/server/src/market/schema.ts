// Technology-market listings (科技成果 and 技术需求), their workflow history, search statistics and match
// feedback. Deals (apps/server/src/market/deals/) reference a listing by (region_code, id); the columns
// id, owner_org_id, title, kind, status and price_fen are kept stable for them.
import { sql } from 'drizzle-orm';
import {
  bigint, customType, date, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

/** PostgreSQL tsvector; written from the tokens of @kechuang/zh-text, never read back by the app. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
/** PostgreSQL xid8 (a 64-bit transaction id), written by the database, never by the app. */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

export const listingKinds = ['achievement', 'demand'] as const;
export type ListingKind = (typeof listingKinds)[number];

/** draft → submitted → published (bureau review) → closed; a rejected submission returns to draft. */
export const listingStatuses = ['draft', 'submitted', 'published', 'closed'] as const;
export type ListingStatus = (typeof listingStatuses)[number];

export const transferModes = ['transfer', 'licence', 'equity', 'co_development'] as const;
export type TransferMode = (typeof transferModes)[number];

/** A patent attached to an achievement: number and legal status (有效 / 审中 / 失效 …). */
export type AttachedPatent = { number: string; status: 'granted' | 'pending' | 'lapsed' | 'other' };
/** File metadata; the bytes live in object storage outside the database. */
export type ListingFile = { name: string; sizeBytes: number; sha256: string };

export const marketListings = pgTable(
  'market_listings',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: listingKinds }).notNull(),
    /** The organisation that offers the achievement or has the demand. */
    ownerOrgId: uuid('owner_org_id').notNull(),
    createdBy: uuid('created_by'),
    /** The owner's own id for the item (import column `id`); unique per owner when given. */
    externalId: text('external_id'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    field: text('field').notNull(),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    /** Technology readiness level 1–9; achievements only. */
    trl: smallint('trl'),
    patents: jsonb('patents').$type<AttachedPatent[]>().notNull().default(sql`'[]'::jsonb`),
    transferModes: text('transfer_modes').array().$type<TransferMode[]>().notNull().default(sql`'{}'::text[]`),
    /** Asking price of an achievement in fen; null means 面议 (negotiable). */
    priceFen: bigint('price_fen', { mode: 'bigint' }),
    /** Budget range of a demand in fen; either end may be open. */
    budgetMinFen: bigint('budget_min_fen', { mode: 'bigint' }),
    budgetMaxFen: bigint('budget_max_fen', { mode: 'bigint' }),
    deadline: date('deadline', { mode: 'string' }),
    files: jsonb('files').$type<ListingFile[]>().notNull().default(sql`'[]'::jsonb`),
    /** The owner's district (facet "region"), copied from the organisation when the listing is created. */
    districtCode: text('district_code'),
    status: text('status', { enum: listingStatuses }).notNull().default('draft'),
    statusReason: text('status_reason'),
    /** Title (A), keywords (B) and summary (C) tokens as tsvector('simple'); see market/search/. */
    searchVector: tsvector('search_vector').notNull(),
    /**
     * The title transcribed to ASCII (each CJK character → 3 base-36 letters) for pg_trgm. pg_trgm only
     * sees letters and digits its locale knows; the embedded cluster runs with the C locale, where CJK
     * characters make no trigrams at all, so the transcription makes typo search identical everywhere.
     */
    titleGrams: text('title_grams').notNull().default(''),
    /** Number of tokens in the weighted document, for BM25's length normalisation. */
    searchLength: integer('search_length').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    /**
     * The transaction that last wrote the row (default on insert, a trigger on update): the in-memory search
     * index follows the table by reading the rows whose transaction it has not seen (search/memory/).
     */
    searchXid: xid8('search_xid').notNull().default(sql`pg_current_xact_id()`),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('market_listings_search_xid').on(t.regionCode, t.searchXid, t.id),
    uniqueIndex('market_listings_owner_external').on(t.regionCode, t.ownerOrgId, t.externalId),
    index('market_listings_owner').on(t.regionCode, t.ownerOrgId, t.status),
    index('market_listings_search').using('gin', t.searchVector),
    index('market_listings_title_trgm').using('gin', sql`${t.titleGrams} gin_trgm_ops`),
    index('market_listings_published').on(t.regionCode, t.status, t.publishedAt),
  ],
);

/** Every workflow step with its reason: the history behind market_listings.status. */
export const marketListingTransitions = pgTable(
  'market_listing_transitions',
  {
    regionCode: text('region_code').notNull(),
    listingId: uuid('listing_id').notNull(),
    seq: integer('seq').notNull(),
    fromStatus: text('from_status', { enum: listingStatuses }),
    toStatus: text('to_status', { enum: listingStatuses }).notNull(),
    reason: text('reason'),
    actorUserId: uuid('actor_user_id'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.listingId, t.seq] })],
);

/** A draft whose owner chose to link to an existing similar item instead of submitting a duplicate. */
export const marketListingLinks = pgTable(
  'market_listing_links',
  {
    regionCode: text('region_code').notNull(),
    listingId: uuid('listing_id').notNull(),
    linkedListingId: uuid('linked_listing_id').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.listingId, t.linkedListingId] })],
);

/** Document frequency of each search term among a region's published listings (BM25's idf). */
export const marketSearchTerms = pgTable(
  'market_search_terms',
  {
    regionCode: text('region_code').notNull(),
    term: text('term').notNull(),
    docs: integer('docs').notNull(),
    /**
     * Set once the term has a champion list (its document frequency passed CHAMPION_MIN_DOCS): the impact
     * a new listing needs to enter the list. Null: no list, search uses the GIN index for this term.
     */
    championFloor: real('champion_floor'),
    /** Entries in the term's champion list (it is trimmed back to CHAMPIONS_PER_TERM when it doubles). */
    championSize: integer('champion_size').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.term] })],
);

/**
 * Champion lists (Manning et al., IR book §7.1.3): per region and frequent term, the published listings with
 * the highest query-independent BM25F contribution of that term (impact = field-weighted tf / length norm).
 * Broad searches rank and facet these instead of every match; the filter and facet columns are copied here
 * so that neither needs the listing rows. Maintained by the write path (see market/search/champions.ts).
 */
export const marketSearchChampions = pgTable(
  'market_search_champions',
  {
    regionCode: text('region_code').notNull(),
    term: text('term').notNull(),
    listingId: uuid('listing_id').notNull(),
    impact: real('impact').notNull(),
    /** ts_rank of the term alone with the field weights, as search computes it. */
    tf: real('tf').notNull(),
    searchLength: integer('search_length').notNull(),
    kind: text('kind', { enum: listingKinds }).notNull(),
    field: text('field').notNull(),
    trl: smallint('trl'),
    priceBand: text('price_band').notNull(),
    districtCode: text('district_code'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.term, t.listingId] })],
);

/** Corpus size and total length of a region's published listings (BM25's N and average length). */
export const marketSearchCorpus = pgTable('market_search_corpus', {
  regionCode: text('region_code').primaryKey(),
  docs: integer('docs').notNull(),
  totalLength: bigint('total_length', { mode: 'number' }).notNull(),
});

export const matchDecisions = ['accept', 'reject'] as const;
export type MatchDecision = (typeof matchDecisions)[number];
export const matchRejectReasons = ['too_early', 'price', 'field_mismatch', 'region', 'already_known', 'other'] as const;
export type MatchRejectReason = (typeof matchRejectReasons)[number];

/** A user's verdict on a suggested (demand, achievement) pair; later rankings read it. */
export const marketMatchFeedback = pgTable(
  'market_match_feedback',
  {
    regionCode: text('region_code').notNull(),
    demandId: uuid('demand_id').notNull(),
    achievementId: uuid('achievement_id').notNull(),
    /** The organisation that judged (the demand's or the achievement's owner). */
    judgedByOrgId: uuid('judged_by_org_id').notNull(),
    decision: text('decision', { enum: matchDecisions }).notNull(),
    reason: text('reason', { enum: matchRejectReasons }),
    note: text('note'),
    actorUserId: uuid('actor_user_id'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.demandId, t.achievementId, t.judgedByOrgId] }),
    index('market_match_feedback_achievement').on(t.regionCode, t.achievementId),
  ],
);
