// Over a real connection (not injected), an oversized upload is answered with the 413 and its message while the
// client is still sending, instead of a reset connection, and the server still closes cleanly afterwards.
import { expect, test } from 'vitest';
import { createTestApp, logIn } from '../../../test/test-app.ts';
import { MAX_ATTACHMENT_BYTES } from './attachment-rules.ts';

test('an upload four times the limit gets attachment_too_large over HTTP', async () => {
  const t = await createTestApp();
  try {
    const owner = await logIn(t.app, 'enterprise@demo.kechuang.cn');
    const draft = await owner.request({ method: 'POST', url: '/api/v1/market/listings', payload: { kind: 'achievement', title: '上传大小测试条目', field: '高端轴承' } });
    const id = (draft.json() as { id: string }).id;
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${address}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'enterprise@demo.kechuang.cn', password: 'Kechuang@2025' }),
    });
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('kc_csrf='))!.slice('kc_csrf='.length));
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4 * MAX_ATTACHMENT_BYTES)]);
    const res = await fetch(`${address}/api/v1/market/listings/${id}/attachments?fileName=a.pdf`, {
      method: 'POST', body: big, headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf, 'content-type': 'application/octet-stream' },
    }).then(async (r) => ({ status: r.status, body: await r.text() }), (err: Error) => ({ status: 0, body: String(err.cause ?? err) }));
    expect(res.status, res.body).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'attachment_too_large', field: 'file' } });
  } finally {
    await t.close();
  }
}, 60_000);
