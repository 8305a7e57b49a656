// The listing workflow, similar items before submitting, and matching with feedback, through the HTTP API.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../../test/test-app.ts';
import { DEMO_REGION } from '../../demo/demo-city.ts';
import type { ListingBody } from '../contracts.ts';

let t: TestApp;
let enterprise: Session;
let bureau: Session;
let provider: Session;
beforeAll(async () => {
  t = await createTestApp();
  enterprise = await logIn(t.app, 'enterprise@demo.kechuang.cn');
  bureau = await logIn(t.app, 'bureau.staff@demo.kechuang.cn');
  provider = await logIn(t.app, 'provider@demo.kechuang.cn');
});
afterAll(async () => { await t.close(); });

const achievement = {
  kind: 'achievement', title: '高导热石墨烯散热膜制备技术', summary: '本成果提供一种高导热石墨烯散热膜的制备方法，适用于电子显示和动力电池热管理，已完成中试。',
  field: '电子显示材料', keywords: ['石墨烯', '导热膜'], trl: 6, transferModes: ['licence'], priceFen: '50000000',
};
const create = async (s: Session, body: object): Promise<ListingBody> => {
  const res = await s.request({ method: 'POST', url: '/api/v1/market/listings', payload: body as Record<string, unknown> });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ListingBody;
};
const act = (s: Session, id: string, action: string, reason?: string) =>
  s.request({ method: 'POST', url: `/api/v1/market/listings/${id}/transitions`, payload: { action, ...(reason ? { reason } : {}) } });
const auditCount = async (): Promise<number> => Number((await t.database.pool.query('SELECT count(*) AS n FROM audit_log')).rows[0].n);

describe('workflow draft → submitted → published → closed', () => {
  test('an owner drafts, edits and submits; the bureau publishes; search finds it; every step is audited with its reason', async () => {
    const before = await auditCount();
    const draft = await create(enterprise, achievement);
    expect(draft.status).toBe('draft');
    const edited = await enterprise.request({ method: 'PATCH', url: `/api/v1/market/listings/${draft.id}`, payload: { title: '超高导热石墨烯散热膜制备技术' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await act(enterprise, draft.id, 'submit')).statusCode).toBe(200);
    // Submitted: no more edits, and the public cannot see it.
    expect(errorOf(await enterprise.request({ method: 'PATCH', url: `/api/v1/market/listings/${draft.id}`, payload: { title: '改标题试试看' } })).code).toBe('not_a_draft');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/market/listings/${draft.id}?region=${DEMO_REGION}` })).statusCode).toBe(404);
    // The owner cannot publish its own listing; the bureau can.
    expect((await act(enterprise, draft.id, 'publish')).statusCode).toBe(403);
    const published = await act(bureau, draft.id, 'publish');
    expect(published.statusCode, published.body).toBe(200);
    const search = await t.app.inject({ method: 'GET', url: `/api/v1/market/search?region=${DEMO_REGION}&q=${encodeURIComponent('超高导热石墨烯散热膜')}` });
    expect((search.json() as { hits: { id: string }[] }).hits[0]!.id).toBe(draft.id);
    // Closing needs a reason; the reason is kept in the history.
    expect(errorOf(await act(enterprise, draft.id, 'close')).code).toBe('reason_required');
    expect((await act(enterprise, draft.id, 'close', '已与企业签约')).statusCode).toBe(200);
    const detail = (await enterprise.request({ method: 'GET', url: `/api/v1/market/listings/${draft.id}` })).json() as ListingBody;
    expect(detail.history!.map((h) => h.toStatus)).toEqual(['draft', 'submitted', 'published', 'closed']);
    expect(detail.history!.at(-1)!.reason).toBe('已与企业签约');
    expect(await auditCount()).toBe(before + 5);
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/market/search?region=${DEMO_REGION}&q=${encodeURIComponent('超高导热石墨烯散热膜')}` });
    expect((after.json() as { hits: { id: string }[] }).hits.some((h) => h.id === draft.id)).toBe(false);
  });

  test('the bureau sends a submission back with a reason, and the owner can edit it again', async () => {
    const draft = await create(enterprise, { ...achievement, title: '石墨烯复合导热垫片技术' });
    await act(enterprise, draft.id, 'submit');
    expect(errorOf(await act(bureau, draft.id, 'reject')).code).toBe('reason_required');
    const rejected = await act(bureau, draft.id, 'reject', '请补充专利号');
    expect((rejected.json() as ListingBody).status).toBe('draft');
    expect((rejected.json() as ListingBody).statusReason).toBe('请补充专利号');
  });

  test('an incomplete achievement cannot be submitted, and nothing changes', async () => {
    const draft = await create(enterprise, { kind: 'achievement', title: '待完善的成果条目', field: '高端轴承' });
    const res = await act(enterprise, draft.id, 'submit');
    expect(errorOf(res)).toMatchObject({ code: 'trl_required', field: 'trl' });
    const detail = (await enterprise.request({ method: 'GET', url: `/api/v1/market/listings/${draft.id}` })).json() as ListingBody;
    expect(detail.status).toBe('draft');
  });

  test("another organisation's draft is invisible (404), and content rules name the field", async () => {
    const draft = await create(enterprise, { ...achievement, title: '不对外公开的草稿条目' });
    expect((await provider.request({ method: 'GET', url: `/api/v1/market/listings/${draft.id}` })).statusCode).toBe(404);
    expect((await provider.request({ method: 'PATCH', url: `/api/v1/market/listings/${draft.id}`, payload: { title: '偷偷改一下标题' } })).statusCode).toBe(404);
    const bad = await enterprise.request({ method: 'POST', url: '/api/v1/market/listings', payload: { kind: 'demand', title: '需求预算上下限颠倒', field: '高端轴承', budgetMinFen: '500', budgetMaxFen: '100' } });
    expect(errorOf(bad)).toMatchObject({ code: 'budget_range_inverted', field: 'budgetMinFen' });
  });
});

describe('similar items before submitting', () => {
  test('a draft like an existing published item lists it, and linking closes the draft with the link kept', async () => {
    const { rows } = await t.database.pool.query<{ id: string; title: string; keywords: string[]; field: string }>(
      `SELECT id, title, keywords, field FROM market_listings WHERE region_code = $1 AND status = 'published' AND kind = 'achievement' ORDER BY external_id LIMIT 1`, [DEMO_REGION]);
    const existing = rows[0]!;
    const draft = await create(enterprise, { kind: 'achievement', title: existing.title, field: existing.field, keywords: existing.keywords });
    const similar = await enterprise.request({ method: 'GET', url: `/api/v1/market/listings/${draft.id}/similar` });
    const items = (similar.json() as { items: { id: string }[] }).items;
    expect(items.map((i) => i.id)).toContain(existing.id);
    expect(items.map((i) => i.id)).not.toContain(draft.id);
    const linked = await enterprise.request({ method: 'POST', url: `/api/v1/market/listings/${draft.id}/link`, payload: { linkedListingId: existing.id } });
    expect((linked.json() as ListingBody).status).toBe('closed');
    const detail = (await enterprise.request({ method: 'GET', url: `/api/v1/market/listings/${draft.id}` })).json() as ListingBody;
    expect(detail.links!.map((l) => l.linkedListingId)).toEqual([existing.id]);
  });
});

describe('matching', () => {
  type Match = { listingId: string; score: number; explanation: { sharedTerms: string[]; sameField: boolean; trlFit: string; priceFit: string } };
  const demandOfEnterprise = async (): Promise<string> => {
    const { rows } = await t.database.pool.query<{ id: string }>(`
      SELECT m.id FROM market_listings m JOIN users u ON u.organisation_id = m.owner_org_id
      WHERE u.email = 'enterprise@demo.kechuang.cn' AND m.kind = 'demand' AND m.status = 'published' ORDER BY m.external_id LIMIT 1`);
    return rows[0]!.id;
  };
  const matches = async (id: string): Promise<Match[]> => {
    const res = await enterprise.request({ method: 'GET', url: `/api/v1/market/listings/${id}/matches` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Match[] }).items;
  };

  test('a demand gets achievements with explanations: shared terms, field, TRL and price fit', async () => {
    const items = await matches(await demandOfEnterprise());
    expect(items.length).toBeGreaterThan(3);
    expect(items[0]!.explanation.sharedTerms.length).toBeGreaterThan(0);
    expect(['ready', 'pilot', 'early', 'unknown']).toContain(items[0]!.explanation.trlFit);
    const scores = items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  test('rejecting a match removes it from later rankings and needs a reason; the bureau sees the counts', async () => {
    const demand = await demandOfEnterprise();
    const [top] = await matches(demand);
    const noReason = await enterprise.request({ method: 'POST', url: `/api/v1/market/listings/${demand}/match-feedback`, payload: { counterpartId: top!.listingId, decision: 'reject' } });
    expect(errorOf(noReason).code).toBe('reason_required');
    const res = await enterprise.request({ method: 'POST', url: `/api/v1/market/listings/${demand}/match-feedback`, payload: { counterpartId: top!.listingId, decision: 'reject', reason: 'price' } });
    expect(res.statusCode, res.body).toBe(204);
    expect((await matches(demand)).map((m) => m.listingId)).not.toContain(top!.listingId);
    const second = (await matches(demand))[0]!;
    await enterprise.request({ method: 'POST', url: `/api/v1/market/listings/${demand}/match-feedback`, payload: { counterpartId: second.listingId, decision: 'accept' } });
    const conversion = (await bureau.request({ method: 'GET', url: '/api/v1/market/match-conversion' })).json() as { accepted: number; rejected: number; rejectReasons: { reason: string; count: number }[] };
    expect(conversion).toMatchObject({ accepted: 1, rejected: 1 });
    expect(conversion.rejectReasons).toEqual([{ reason: 'price', count: 1 }]);
  });

  test('an achievement gets demands and enterprises', async () => {
    const { rows } = await t.database.pool.query<{ id: string }>(`
      SELECT m.id FROM market_listings m JOIN users u ON u.organisation_id = m.owner_org_id
      WHERE u.email = 'enterprise@demo.kechuang.cn' AND m.kind = 'achievement' AND m.status = 'published' ORDER BY m.external_id LIMIT 1`);
    const res = await enterprise.request({ method: 'GET', url: `/api/v1/market/listings/${rows[0]!.id}/matches` });
    const body = res.json() as { items: { kind: string }[]; enterprises: { kind: string; title: string }[] };
    expect(body.items.every((i) => i.kind === 'demand')).toBe(true);
    expect(body.enterprises.length).toBeGreaterThan(0);
  });
});
