// The live feed: an open server-sent-event stream receives a listing the moment the bureau publishes it,
// and only listings of its region.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, logIn, type TestApp } from '../../../test/test-app.ts';
import { DEMO_REGION } from '../../demo/demo-city.ts';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => { await t.close(); });

/** Reads SSE `item` events until `until` is satisfied; `onReady` runs when the replay of recent items ends. */
function readFeed(url: string, until: (items: { id: string; title: string }[]) => boolean, onReady: () => void): Promise<{ items: { id: string; title: string }[]; contentType: string }> {
  return new Promise((resolve, reject) => {
    const items: { id: string; title: string }[] = [];
    const req = http.get(url, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.startsWith('event: item') && data) items.push(JSON.parse(data.slice(6)) as { id: string; title: string });
          if (block.startsWith('event: ready')) onReady();
        }
        if (until(items)) { req.destroy(); resolve({ items, contentType: String(res.headers['content-type']) }); }
      });
    });
    req.on('error', (e) => { if (!req.destroyed) reject(e); });
  });
}

test('a newly published listing reaches an open feed, after the recent ones', async () => {
  const enterprise = await logIn(t.app, 'enterprise@demo.kechuang.cn');
  const bureau = await logIn(t.app, 'bureau.staff@demo.kechuang.cn');
  const created = await enterprise.request({ method: 'POST', url: '/api/v1/market/listings', payload: {
    kind: 'demand', title: '实时推送测试需求：耐火材料窑炉内衬', summary: '需要一种寿命更长的窑炉内衬耐火材料，要求在现有产线上可实施。', field: '耐火材料',
  } });
  const id = (created.json() as { id: string }).id;
  await enterprise.request({ method: 'POST', url: `/api/v1/market/listings/${id}/transitions`, payload: { action: 'submit' } });
  let ready: () => void = () => {};
  const replayed = new Promise<void>((r) => { ready = r; });
  const feed = readFeed(`${base}/api/v1/market/feed?region=${DEMO_REGION}`, (items) => items.some((i) => i.id === id), () => ready());
  // The stream first replays the ten most recent publications; then the new one arrives live.
  await replayed;
  const published = await bureau.request({ method: 'POST', url: `/api/v1/market/listings/${id}/transitions`, payload: { action: 'publish' } });
  expect(published.statusCode, published.body).toBe(200);
  const { items, contentType } = await feed;
  expect(contentType).toContain('text/event-stream');
  expect(items.length).toBe(11);
  expect(items.at(-1)).toMatchObject({ id, title: '实时推送测试需求：耐火材料窑炉内衬' });
});
