import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeUscc } from '../platform/identity/uscc.ts';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let bureau: Session;
let enterprise: Session;
beforeAll(async () => {
  t = await createTestApp();
  bureau = await logIn(t.app, 'bureau.staff@demo.kechuang.cn');
  enterprise = await logIn(t.app, 'enterprise@demo.kechuang.cn');
});
afterAll(async () => t.close());

const auditCount = async () => Number((await t.database.pool.query('SELECT count(*) AS n FROM audit_log')).rows[0].n);
const orgCount = async () => Number((await t.database.pool.query('SELECT count(*) AS n FROM organisations')).rows[0].n);

function register(session: Session, payload: unknown) {
  return session.request({ method: 'POST', url: '/api/v1/organisations', payload: payload as Record<string, unknown> });
}

describe('organisation scope', () => {
  test('an enterprise user reads its own organisation but never another enterprise', async () => {
    const own = (await enterprise.request({ method: 'GET', url: '/api/v1/me' })).json().organisation as { id: string };
    const found = await bureau.request({ method: 'GET', url: `/api/v1/organisations?kind=enterprise&q=${encodeURIComponent('洛阳云端新材料')}` });
    const other = (found.json().items as { id: string; name: string }[])[0]!;
    expect(other.id).not.toBe(own.id);

    expect((await enterprise.request({ method: 'GET', url: `/api/v1/organisations/${own.id}` })).statusCode).toBe(200);
    const denied = await enterprise.request({ method: 'GET', url: `/api/v1/organisations/${other.id}` });
    expect(denied.statusCode).toBe(404);
    expect(denied.body).not.toContain(other.name);

    const listed = (await enterprise.request({ method: 'GET', url: '/api/v1/organisations' })).json().items as { id: string }[];
    expect(listed.map((o) => o.id)).toEqual([own.id]);
  });

  test('bureau staff of the city see every organisation of the city, and nothing of other cities', async () => {
    const { rows } = await t.database.pool.query("SELECT count(*) FILTER (WHERE region_code LIKE '4103%') AS city, count(*) AS everywhere FROM organisations");
    expect(Number(rows[0].city)).toBeGreaterThan(5);
    const res = await bureau.request({ method: 'GET', url: '/api/v1/organisations?limit=1' });
    expect(res.json().total).toBe(Number(rows[0].city));
    await t.database.pool.query("INSERT INTO organisations (region_code, id, kind, name, uscc) VALUES ('371500', gen_random_uuid(), 'enterprise', '聊城某企业', 'X')");
    const after = await bureau.request({ method: 'GET', url: '/api/v1/organisations?limit=1' });
    expect(after.json().total).toBe(Number(rows[0].city));
  });

  test('only bureau roles may register organisations', async () => {
    const res = await register(enterprise, { name: '某公司', kind: 'enterprise', uscc: makeUscc('91410300MA0000001') });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('forbidden');
  });
});

describe('registering organisations: bad input is refused and writes nothing', () => {
  test('a valid credit code registers, and the write is audited', async () => {
    const before = await auditCount();
    const res = await register(bureau, { name: '洛阳测试科技有限公司', kind: 'enterprise', uscc: makeUscc('91410300MA1234567'), districtCode: '410311' });
    expect(res.statusCode).toBe(201);
    expect(await auditCount()).toBe(before + 1);
  });

  test('a wrong check character is rejected with a message that says so', async () => {
    const good = makeUscc('91410300MA7654321');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const [orgs, audits] = [await orgCount(), await auditCount()];
    const res = await register(bureau, { name: '校验位错误公司', kind: 'enterprise', uscc: bad });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'uscc_check_character', field: 'uscc' });
    expect(errorOf(res).message).toContain('校验位');
    expect(errorOf(res).message_en).toMatch(/check character/i);
    expect([await orgCount(), await auditCount()]).toEqual([orgs, audits]);
  });

  test('a duplicate organisation is a conflict', async () => {
    const uscc = makeUscc('91410300MA0000777');
    expect((await register(bureau, { name: '第一次登记', kind: 'enterprise', uscc })).statusCode).toBe(201);
    const orgs = await orgCount();
    const res = await register(bureau, { name: '第二次登记', kind: 'enterprise', uscc });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toMatchObject({ code: 'organisation_exists', field: 'uscc' });
    expect(await orgCount()).toBe(orgs);
  });

  test('unknown fields are refused, naming the field', async () => {
    const res = await register(bureau, { name: '多余字段公司', kind: 'enterprise', uscc: makeUscc('91410300MA0000888'), isAdmin: true });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'validation_failed', field: 'isAdmin' });
    expect(errorOf(res).message).toContain('isAdmin');
  });

  test('a missing required field is named', async () => {
    const res = await register(bureau, { kind: 'enterprise', uscc: makeUscc('91410300MA0000999') });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'validation_failed', field: 'name' });
  });

  test('malformed JSON is refused', async () => {
    const res = await bureau.request({ method: 'POST', url: '/api/v1/organisations', headers: { 'content-type': 'application/json' }, payload: '{"name": "半截' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'invalid_json', message: '请求体不是合法的 JSON' });
  });

  test('a body over the size limit is refused', async () => {
    const orgs = await orgCount();
    const res = await register(bureau, { name: '大'.repeat(t.config.bodyLimitBytes), kind: 'enterprise', uscc: makeUscc('91410300MA0000555') });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).code).toBe('body_too_large');
    expect(await orgCount()).toBe(orgs);
  });

  test('SQL metacharacters in query parameters are data, not SQL', async () => {
    for (const q of ["' OR 1=1 --", '%', '_', "'; DROP TABLE organisations; --", '\\']) {
      const res = await bureau.request({ method: 'GET', url: `/api/v1/organisations?q=${encodeURIComponent(q)}` });
      expect(res.statusCode, q).toBe(200);
      expect(res.json().total, q).toBe(0);
    }
    const bad = await bureau.request({ method: 'GET', url: `/api/v1/organisations?limit=${encodeURIComponent('1; DROP TABLE users')}` });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).field).toBe('querystring.limit');
    expect(await orgCount()).toBeGreaterThan(5); // nothing dropped
  });
});

describe('creating accounts', () => {
  test('a weak password is refused and no account is created', async () => {
    const admin = await logIn(t.app, 'bureau.admin@demo.kechuang.cn');
    const users = async () => Number((await t.database.pool.query('SELECT count(*) AS n FROM users')).rows[0].n);
    const before = await users();
    const res = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { displayName: '新同事', email: 'new@demo.kechuang.cn', role: 'bureau_staff', password: 'password1' } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'weak_password', field: 'password' });
    expect(await users()).toBe(before);
    const ok = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { displayName: '新同事', email: 'new@demo.kechuang.cn', role: 'bureau_staff', password: 'Str0ng-enough-pass' } });
    expect(ok.statusCode).toBe(201);
    expect((await logIn(t.app, 'new@demo.kechuang.cn', 'Str0ng-enough-pass')).cookie).toContain('kc_session');
  });

  test('an account made with a phone number logs in with it', async () => {
    const admin = await logIn(t.app, 'bureau.admin@demo.kechuang.cn');
    const res = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { displayName: '手机用户', phone: '13800138000', role: 'expert', password: 'Phone-login-2025' } });
    expect(res.statusCode).toBe(201);
    const session = await logIn(t.app, ' 13800138000 ', 'Phone-login-2025');
    const me = (await session.request({ method: 'GET', url: '/api/v1/me' })).json();
    expect(me).toMatchObject({ login: '13800138000', role: 'expert', displayName: '手机用户' });
    const badPhone = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { displayName: 'x', phone: '12345', role: 'expert', password: 'Phone-login-2025' } });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.field).toBe('phone');
  });
});
