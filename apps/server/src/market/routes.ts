// HTTP wiring of the technology market's listings, search, live feed and matching.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { UserActor } from '../platform/auth/actor.ts';
import { auditActorOf } from '../platform/auth/actor.ts';
import { BUREAU_ROLES } from '../platform/auth/authorize.ts';
import type { ApiApp } from '../platform/http/api-app.ts';
import type { AppContext } from '../platform/http/build-app.ts';
import type { Db } from '../platform/database/open-database.ts';
import {
  ConversionResponse, CreateListingRequest, FeedbackRequest, IdParams, LinkRequest, Listing, ListingList, MatchList, MyListingsQuery,
  SearchHit, SearchQuery, SearchResponse, TransitionRequest, UpdateListingRequest,
} from './contracts.ts';
import { CONTENT_TYPES } from '../registry/import/write-sheet.ts';
import { registerAttachmentRoutes } from './attachments/attachment-routes.ts';
import { createFeedHub } from './feed/feed-hub.ts';
import { exportListings } from './imports/export-listings.ts';
import { registerImportRoutes } from './imports/import-routes.ts';
import { changeListingStatus } from './listings/change-listing-status.ts';
import { createListing, LISTING_WRITER_ROLES } from './listings/create-listing.ts';
import { linkListing } from './listings/link-listing.ts';
import { getListing, listOwnListings, listReviewQueue } from './listings/read-listings.ts';
import { findSimilarListings } from './listings/similar-listings.ts';
import { updateListing } from './listings/update-listing.ts';
import { matchConversion } from './matching/match-conversion.ts';
import { matchesFor } from './matching/find-matches.ts';
import { recordMatchFeedback } from './matching/record-match-feedback.ts';
import { searchListings } from './search/search-listings.ts';
import { warmSearchReplicas } from './search/memory/replicas.ts';

const ErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string(), message_en: z.string(), field: z.string().nullable() }) });
const tags = ['market'];

export function registerMarketRoutes(api: ApiApp, { database }: AppContext): void {
  const { db, pool } = database;
  const hub = createFeedHub(pool);
  // The in-memory search indexes load in the background once the server is up (a million listings take
  // about a minute); until a region's is loaded its searches use the database.
  let closing = false;
  api.addHook('onReady', async () => {
    void warmSearchReplicas(db).then(
      (regions) => { for (const r of regions) api.log.info({ region: r.regionCode, listings: r.listings, seconds: Math.round(r.seconds * 10) / 10 }, 'search index loaded'); },
      (err: unknown) => { if (!closing) api.log.warn({ err }, 'search index not loaded; searches use the database'); },
    );
  });
  api.addHook('onClose', async () => { closing = true; await hub.close(); });
  const userOf = (actor: unknown): UserActor | null => ((actor as { kind?: string }).kind === 'user' ? (actor as UserActor) : null);

  api.get('/market/search', {
    config: { access: 'public' },
    schema: { tags, summary: '科技大市场搜索 / Search the technology market', querystring: SearchQuery, response: { 200: SearchResponse, 400: ErrorResponse } },
  }, async (request) => {
    const { region, ...query } = request.query;
    const regionCode = region ?? userOf(request.actor)?.regionCode ?? (await defaultRegion(db));
    const result = await searchListings(db, { ...query, regionCode, facets: true });
    const codes = [...new Set([...(result.facets?.district.map((d) => d.value) ?? []), ...result.hits.flatMap((h) => (h.districtCode ? [h.districtCode] : []))])];
    const names = codes.length === 0 ? [] : (await db.execute<{ code: string; name: string; name_en: string }>(sql`
      SELECT code, name, name_en FROM regions WHERE code = ANY(${`{${codes.join(',')}}`}::text[])`)).rows;
    return { ...result, regionNames: Object.fromEntries(names.map((n) => [n.code, { zh: n.name, en: n.name_en }])) };
  });

  api.get('/market/feed', {
    config: { access: 'public' },
    schema: { tags, summary: '新发布条目实时推送（SSE）/ Live feed of new listings (server-sent events)', querystring: z.object({ region: z.string().regex(/^\d{6}$/).optional() }) },
  }, async (request, reply) => {
    const regionCode = request.query.region ?? userOf(request.actor)?.regionCode ?? (await defaultRegion(db));
    // Subscribe before reading the recent items, so a publication in between is not lost (duplicates are
    // harmless: the page keys items by id).
    const early: unknown[] = [];
    let send: ((event: string, data: unknown) => void) | null = null;
    const unsubscribe = await hub.subscribe((item) => {
      if (item.regionCode !== regionCode) return;
      if (send) send('item', item);
      else early.push(item);
    });
    const recent = await db.execute<{ id: string; kind: string; title: string; field: string; published_at: string | Date }>(sql`
      SELECT id, kind, title, field, published_at FROM market_listings WHERE region_code = ${regionCode} AND status = 'published'
      ORDER BY published_at DESC, id LIMIT 10`);
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    send = (event, data) => { out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`); };
    for (const r of recent.rows.reverse()) send('item', { regionCode, id: r.id, kind: r.kind, title: r.title, field: r.field, publishedAt: new Date(r.published_at).toISOString() });
    for (const item of early) send('item', item);
    send('ready', { regionCode });
    const heartbeat = setInterval(() => out.write(': keep-alive\n\n'), 15_000);
    request.raw.on('close', () => { clearInterval(heartbeat); unsubscribe(); });
  });

  api.get('/market/listings/:id', {
    config: { access: 'public' },
    schema: { tags, summary: '成果或需求详情 / A listing', params: IdParams, querystring: z.object({ region: z.string().regex(/^\d{6}$/).optional() }), response: { 200: Listing, 404: ErrorResponse } },
  }, async (request) => {
    const user = userOf(request.actor);
    const regionCode = request.query.region ?? user?.regionCode ?? (await defaultRegion(db));
    return getListing(db, user, regionCode, request.params.id);
  });

  api.get('/market/my-listings', {
    config: { access: LISTING_WRITER_ROLES },
    schema: { tags, summary: '我的成果 / 我的需求 / My listings', querystring: MyListingsQuery, response: { 200: ListingList } },
  }, async (request) => listOwnListings(db, request.actor as UserActor, request.query));

  api.get('/market/review-queue', {
    config: { access: BUREAU_ROLES },
    schema: { tags, summary: '待审核条目 / Submissions awaiting review', response: { 200: ListingList } },
  }, async (request) => listReviewQueue(db, request.actor as UserActor));

  api.post('/market/listings', {
    config: { access: LISTING_WRITER_ROLES },
    schema: { tags, summary: '新建草稿 / Create a draft listing', body: CreateListingRequest, response: { 201: Listing, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (request, reply) => reply.code(201).send(await createListing(db, request.actor as UserActor, request.body, request.id)));

  api.patch('/market/listings/:id', {
    config: { access: LISTING_WRITER_ROLES },
    schema: { tags, summary: '修改草稿 / Edit a draft', params: IdParams, body: UpdateListingRequest, response: { 200: Listing, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (request) => {
    const actor = request.actor as UserActor;
    return updateListing(db, actor, actor.regionCode, request.params.id, request.body, request.id);
  });

  api.post('/market/listings/:id/transitions', {
    config: { access: LISTING_WRITER_ROLES },
    schema: { tags, summary: '提交 / 发布 / 退回 / 撤回 / 关闭 — Submit, publish, reject, withdraw or close', params: IdParams, body: TransitionRequest, response: { 200: Listing, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (request) => {
    const actor = request.actor as UserActor;
    return changeListingStatus(db, actor, actor.regionCode, request.params.id, request.body.action, request.body.reason, request.id);
  });

  api.get('/market/listings/:id/similar', {
    config: { access: LISTING_WRITER_ROLES },
    schema: { tags, summary: '提交前查看相似条目 / Similar existing items', params: IdParams, response: { 200: z.object({ items: z.array(SearchHit) }), 404: ErrorResponse } },
  }, async (request) => {
    const actor = request.actor as UserActor;
    return { items: await findSimilarListings(db, actor, actor.regionCode, request.params.id) };
  });

  api.post('/market/listings/:id/link', {
    config: { access: LISTING_WRITER_ROLES },
    schema: { tags, summary: '关联到已有条目（不重复提交）/ Link to an existing item instead of submitting', params: IdParams, body: LinkRequest, response: { 200: Listing, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (request) => {
    const actor = request.actor as UserActor;
    return linkListing(db, actor, actor.regionCode, request.params.id, request.body.linkedListingId, request.body.note, request.id);
  });

  api.get('/market/listings/:id/matches', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '匹配推荐（附解释）/ Explained matches', params: IdParams, response: { 200: MatchList, 404: ErrorResponse } },
  }, async (request) => {
    const actor = request.actor as UserActor;
    return matchesFor(db, actor, actor.regionCode, request.params.id);
  });

  api.post('/market/listings/:id/match-feedback', {
    config: { access: LISTING_WRITER_ROLES },
    schema: { tags, summary: '接受或拒绝匹配 / Accept or reject a match', params: IdParams, body: FeedbackRequest, response: { 204: z.null(), 400: ErrorResponse, 404: ErrorResponse } },
  }, async (request, reply) => {
    const actor = request.actor as UserActor;
    await recordMatchFeedback(db, actor, auditActorOf(actor, request.id), actor.regionCode, request.params.id, request.body);
    return reply.code(204).send(null);
  });

  api.get('/market/export', {
    config: { access: LISTING_WRITER_ROLES },
    schema: { tags, summary: '导出成果与需求（导入列格式）/ Export listings in the import columns', querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }) },
  }, async (request, reply) => {
    const actor = request.actor as UserActor;
    // The bureau exports its region; an organisation exports its own listings.
    const ownerOrgId = BUREAU_ROLES.some((r) => r === actor.role) ? undefined : actor.organisation?.id ?? '00000000-0000-0000-0000-000000000000';
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': CONTENT_TYPES[request.query.format],
      'content-disposition': `attachment; filename="market-listings.${request.query.format}"`,
    });
    await exportListings(db, { regionCode: actor.regionCode, ownerOrgId, format: request.query.format }, reply.raw);
  });

  registerImportRoutes(api, database);
  registerAttachmentRoutes(api, db, async (request, region) => region ?? userOf(request.actor)?.regionCode ?? (await defaultRegion(db)));

  api.get('/market/match-conversion', {
    config: { access: BUREAU_ROLES },
    schema: { tags, summary: '匹配转化率 / Match-to-deal conversion', response: { 200: ConversionResponse } },
  }, async (request) => matchConversion(db, (request.actor as UserActor).regionCode));
}

/** Without a region in the request, the public market shows the region with the most published listings. */
async function defaultRegion(db: Db): Promise<string> {
  const res = await db.execute<{ region_code: string }>(sql`SELECT region_code FROM market_search_corpus ORDER BY docs DESC, region_code LIMIT 1`);
  return res.rows[0]?.region_code ?? '000000';
}
