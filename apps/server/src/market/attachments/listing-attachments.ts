// Attachments of a listing: the owner adds and removes files while the listing is a draft; whoever may see
// the listing (everyone once it is published) lists and downloads them. Each change is audited with the
// file's name, size, type and SHA-256, never its bytes.
import crypto from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { appendAudit, type Tx } from '../../platform/audit/append-audit.ts';
import { auditActorOf, type UserActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { DomainError, notFound } from '../../platform/errors/domain-error.ts';
import { LISTING_WRITER_ROLES } from '../listings/create-listing.ts';
import { loadVisibleListing, type ListingRow } from '../listings/listing-rows.ts';
import { judgeAttachment, MAX_ATTACHMENTS_PER_LISTING } from './attachment-rules.ts';
import { marketListingAttachments as attachments } from './schema.ts';

export type AttachmentInfo = { id: string; listingId: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; uploadedAt: string };
export type AttachmentFile = AttachmentInfo & { content: Buffer };

const notFoundAttachment = () => notFound({ zh: '附件', en: 'Attachment' });

export async function addAttachment(db: Db, actor: UserActor, regionCode: string, listingId: string, input: { fileName: string; content: Buffer }, requestId?: string): Promise<AttachmentInfo> {
  const verdict = judgeAttachment(input.fileName, input.content);
  if (!verdict.ok) throw new DomainError(verdict.problem.code, verdict.problem.field, verdict.problem.message, verdict.problem.status);
  return db.transaction(async (tx) => {
    // The listing row's lock serialises uploads to one listing, so the count below cannot be overtaken.
    const listing = await ownDraft(tx, actor, regionCode, listingId);
    const { rows } = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM market_listing_attachments WHERE region_code = ${listing.regionCode} AND listing_id = ${listingId}`);
    if (rows[0]!.n >= MAX_ATTACHMENTS_PER_LISTING) {
      throw new DomainError('attachment_limit', 'file', { zh: `每个条目最多 ${MAX_ATTACHMENTS_PER_LISTING} 个附件`, en: `A listing can have at most ${MAX_ATTACHMENTS_PER_LISTING} attachments` }, 409);
    }
    const row = {
      regionCode: listing.regionCode, id: crypto.randomUUID(), listingId, fileName: verdict.fileName, contentType: verdict.contentType,
      sizeBytes: input.content.byteLength, sha256: crypto.createHash('sha256').update(input.content).digest('hex'), content: input.content,
      uploadedBy: actor.userId, uploadedAt: new Date(),
    };
    await tx.insert(attachments).values(row);
    const info = infoOf(row);
    await appendAudit(tx, auditActorOf(actor, requestId), { regionCode: listing.regionCode, action: 'market.attachment_added', entityType: 'market_listing', entityId: listingId, after: info });
    return info;
  });
}

export async function removeAttachment(db: Db, actor: UserActor, regionCode: string, listingId: string, attachmentId: string, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const listing = await ownDraft(tx, actor, regionCode, listingId);
    const removed = await tx.delete(attachments)
      .where(and(eq(attachments.regionCode, listing.regionCode), eq(attachments.listingId, listingId), eq(attachments.id, attachmentId)))
      .returning({ id: attachments.id, fileName: attachments.fileName, sizeBytes: attachments.sizeBytes, sha256: attachments.sha256 });
    if (removed.length === 0) throw notFoundAttachment();
    await appendAudit(tx, auditActorOf(actor, requestId), { regionCode: listing.regionCode, action: 'market.attachment_removed', entityType: 'market_listing', entityId: listingId, before: removed[0]! });
  });
}

export async function listAttachments(db: Db, actor: UserActor | null, regionCode: string, listingId: string): Promise<AttachmentInfo[]> {
  const listing = await loadVisibleListing(db, actor, regionCode, listingId);
  const rows = await db.select({
    regionCode: attachments.regionCode, id: attachments.id, listingId: attachments.listingId, fileName: attachments.fileName, contentType: attachments.contentType,
    sizeBytes: attachments.sizeBytes, sha256: attachments.sha256, uploadedAt: attachments.uploadedAt,
  }).from(attachments).where(and(eq(attachments.regionCode, listing.regionCode), eq(attachments.listingId, listingId))).orderBy(asc(attachments.uploadedAt), asc(attachments.id));
  return rows.map(infoOf);
}

export async function readAttachment(db: Db, actor: UserActor | null, regionCode: string, listingId: string, attachmentId: string): Promise<AttachmentFile> {
  const listing = await loadVisibleListing(db, actor, regionCode, listingId);
  const rows = await db.select().from(attachments)
    .where(and(eq(attachments.regionCode, listing.regionCode), eq(attachments.listingId, listingId), eq(attachments.id, attachmentId))).limit(1);
  const row = rows[0];
  if (!row) throw notFoundAttachment();
  return { ...infoOf(row), content: row.content };
}

/** The actor's organisation's draft, locked; someone else's draft is 404 (as everywhere), a bureau user 403. */
async function ownDraft(tx: Tx, actor: UserActor, regionCode: string, listingId: string): Promise<ListingRow> {
  const listing = await loadVisibleListing(tx, actor, regionCode, listingId, true);
  authorize(actor, { roles: LISTING_WRITER_ROLES });
  if (actor.organisation?.id !== listing.ownerOrgId) {
    throw new DomainError('not_owner', null, { zh: '只有条目所属机构可以上传或删除附件', en: 'Only the owning organisation can add or remove attachments' }, 403);
  }
  if (listing.status !== 'draft') {
    throw new DomainError('not_a_draft', 'status', { zh: '只有草稿可以修改附件；已提交的请先撤回', en: 'Attachments can only change on a draft; withdraw a submission first' }, 409);
  }
  return listing;
}

function infoOf(r: { id: string; listingId: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; uploadedAt: Date }): AttachmentInfo {
  return { id: r.id, listingId: r.listingId, fileName: r.fileName, contentType: r.contentType, sizeBytes: r.sizeBytes, sha256: r.sha256, uploadedAt: r.uploadedAt.toISOString() };
}
