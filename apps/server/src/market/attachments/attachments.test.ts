// Listing attachments through the HTTP API against the real database: who uploads, who downloads, what is refused.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../../test/test-app.ts';
import { DEMO_REGION } from '../../demo/demo-city.ts';
import type { ListingBody } from '../contracts.ts';
import { MAX_ATTACHMENT_BYTES } from './attachment-rules.ts';

let t: TestApp;
let owner: Session;
let other: Session;
let bureau: Session;
beforeAll(async () => {
  t = await createTestApp();
  owner = await logIn(t.app, 'enterprise@demo.kechuang.cn');
  other = await logIn(t.app, 'provider@demo.kechuang.cn');
  bureau = await logIn(t.app, 'bureau.staff@demo.kechuang.cn');
});
afterAll(async () => { await t.close(); });

type Info = { id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string };
const pdf = Buffer.from('%PDF-1.7\n% 石墨烯散热膜技术说明\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const draft = async (title: string): Promise<ListingBody> => {
  const res = await owner.request({ method: 'POST', url: '/api/v1/market/listings', payload: {
    kind: 'achievement', title, summary: '本成果提供一种高导热石墨烯散热膜的制备方法，适用于电子显示和动力电池热管理，已完成中试。',
    field: '电子显示材料', keywords: ['石墨烯'], trl: 6, transferModes: ['licence'], priceFen: '50000000',
  } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ListingBody;
};
const upload = (s: Session, listingId: string, fileName: string, body: Buffer, contentType = 'application/octet-stream') =>
  s.request({ method: 'POST', url: `/api/v1/market/listings/${listingId}/attachments?fileName=${encodeURIComponent(fileName)}`, payload: body, headers: { 'content-type': contentType } });
const act = (s: Session, id: string, action: string) => s.request({ method: 'POST', url: `/api/v1/market/listings/${id}/transitions`, payload: { action } });

test('the owner attaches a file to a draft; once published anyone downloads the same bytes with the sniffed type', async () => {
  const listing = await draft('石墨烯散热膜附件测试条目');
  // The browser's claimed type is ignored: the bytes are a PDF.
  const res = await upload(owner, listing.id, '技术说明书.pdf', pdf, 'image/png');
  expect(res.statusCode, res.body).toBe(201);
  const info = res.json() as Info;
  expect(info).toMatchObject({ fileName: '技术说明书.pdf', contentType: 'application/pdf', sizeBytes: pdf.length });

  // A draft's files are as private as the draft.
  expect((await t.app.inject({ method: 'GET', url: `/api/v1/market/listings/${listing.id}/attachments?region=${DEMO_REGION}` })).statusCode).toBe(404);
  expect((await other.request({ method: 'GET', url: `/api/v1/market/listings/${listing.id}/attachments/${info.id}` })).statusCode).toBe(404);
  expect((await bureau.request({ method: 'GET', url: `/api/v1/market/listings/${listing.id}/attachments` })).statusCode).toBe(200);

  expect((await act(owner, listing.id, 'submit')).statusCode).toBe(200);
  expect((await act(bureau, listing.id, 'publish')).statusCode).toBe(200);

  const list = await t.app.inject({ method: 'GET', url: `/api/v1/market/listings/${listing.id}/attachments?region=${DEMO_REGION}` });
  expect(list.statusCode).toBe(200);
  expect((list.json() as { items: Info[] }).items.map((i) => i.fileName)).toEqual(['技术说明书.pdf']);
  const file = await t.app.inject({ method: 'GET', url: `/api/v1/market/listings/${listing.id}/attachments/${info.id}?region=${DEMO_REGION}` });
  expect(file.statusCode).toBe(200);
  expect(file.headers['content-type']).toBe('application/pdf');
  expect(file.headers['x-content-type-options']).toBe('nosniff');
  expect(file.headers['content-disposition']).toContain(encodeURIComponent('技术说明书.pdf'));
  expect(file.rawPayload.equals(pdf)).toBe(true);

  // Published: no more changes to the files, by anyone.
  expect(errorOf(await upload(owner, listing.id, '补充.pdf', pdf))).toMatchObject({ code: 'not_a_draft', field: 'status' });
  expect((await owner.request({ method: 'DELETE', url: `/api/v1/market/listings/${listing.id}/attachments/${info.id}` })).statusCode).toBe(409);
});

test('only the owning organisation uploads or removes; each change is in the audit chain', async () => {
  const listing = await draft('附件权限测试条目');
  expect((await upload(other, listing.id, 'a.pdf', pdf)).statusCode).toBe(404);
  expect(errorOf(await upload(bureau, listing.id, 'a.pdf', pdf))).toMatchObject({ code: 'not_owner' });
  const info = (await upload(owner, listing.id, 'a.pdf', pdf)).json() as Info;
  expect((await other.request({ method: 'DELETE', url: `/api/v1/market/listings/${listing.id}/attachments/${info.id}` })).statusCode).toBe(404);
  expect((await owner.request({ method: 'DELETE', url: `/api/v1/market/listings/${listing.id}/attachments/${info.id}` })).statusCode).toBe(204);
  const list = await owner.request({ method: 'GET', url: `/api/v1/market/listings/${listing.id}/attachments` });
  expect((list.json() as { items: Info[] }).items).toEqual([]);
  const { rows } = await t.database.pool.query<{ action: string; after: { sha256?: string } | null; before: { sha256?: string } | null }>(
    `SELECT action, after, before FROM audit_log WHERE entity_id = $1 AND action LIKE 'market.attachment_%' ORDER BY seq`, [listing.id]);
  expect(rows.map((r) => r.action)).toEqual(['market.attachment_added', 'market.attachment_removed']);
  expect(rows[0]!.after!.sha256).toBe(info.sha256);
});

test('wrong type, disguised content, an empty and an oversized file are refused by name and rule; nothing is stored', async () => {
  const listing = await draft('附件校验测试条目');
  const exe = errorOf(await upload(owner, listing.id, 'setup.exe', pdf));
  expect(exe).toMatchObject({ code: 'attachment_type_not_allowed', field: 'fileName' });
  expect(exe.message).toContain('.exe');
  expect(exe.message_en).toContain('not allowed');
  const disguised = await upload(owner, listing.id, 'report.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]));
  expect(disguised.statusCode).toBe(415);
  expect(errorOf(disguised).code).toBe('attachment_content_not_allowed');
  expect(errorOf(await upload(owner, listing.id, 'empty.pdf', Buffer.alloc(0))).code).toBe('attachment_empty');
  const big = await upload(owner, listing.id, 'big.pdf', Buffer.concat([pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES)]));
  expect(big.statusCode).toBe(413);
  expect(errorOf(big)).toMatchObject({ code: 'attachment_too_large', field: 'file' });
  const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM market_listing_attachments WHERE listing_id = $1', [listing.id]);
  expect(rows[0].n).toBe(0);
});
