// Files attached to a listing (specifications, patent certificates, photos). The bytes are stored in the
// database (bytea), not in DATA_DIR: with DATABASE_URL the server's disk is not the data's home, several
// server processes must see the same files, and a backup, a region's tenancy and the audit chain then
// cover the files with the rows that reference them. Files are small (≤ 10 MB, see attachment-rules.ts).
import { bigint, customType, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const marketListingAttachments = pgTable(
  'market_listing_attachments',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull(),
    listingId: uuid('listing_id').notNull(),
    /** The name the uploader gave, cleaned of path parts and control characters. */
    fileName: text('file_name').notNull(),
    /** Sniffed from the bytes, never taken from the request. */
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('market_listing_attachments_listing').on(t.regionCode, t.listingId),
  ],
);
