import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, logIn, type TestApp } from '../../test/test-app.ts';
import { REGISTRY_INDICATOR_PROVIDERS } from './indicator-providers.ts';
import { TECH_CONTRACT_TURNOVER_PROVIDER } from '../market/deals/tech-contracts/indicator-provider.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => t.close());

const provider = (code: string) => REGISTRY_INDICATOR_PROVIDERS.find((p) => p.indicatorCode === code)!;

test('the registry counts enterprises holding a certificate valid on the day asked', async () => {
  const asOf = new Date('2026-06-30T00:00:00Z');
  // Independent count: every certificate row, filtered in JS.
  const { rows } = await t.database.pool.query<{ organisation_id: string; kind: string; valid_from: string; valid_until: string }>(
    "SELECT organisation_id, kind, valid_from::text, valid_until::text FROM registry_certificates WHERE region_code LIKE '4103%'");
  const holders = (kinds: string[]) => new Set(rows.filter((r) => kinds.includes(r.kind) && r.valid_from <= '2026-06-30' && r.valid_until >= '2026-06-30').map((r) => r.organisation_id)).size;
  expect(holders(['hnte'])).toBeGreaterThan(0);
  expect(await provider('hnte_count').current(t.database.db, '410300', asOf)).toBe(holders(['hnte']));
  expect(await provider('tech_sme_count').current(t.database.db, '410300', asOf)).toBe(holders(['tech-sme']));
  const entities = await provider('innovation_entity_count').current(t.database.db, '410300', asOf);
  expect(entities).toBeGreaterThanOrEqual(holders(['hnte']));
  // Henan covers Luoyang; Liaocheng's registry is empty, so the board keeps its published figures there.
  expect(await provider('hnte_count').current(t.database.db, '410000', asOf)).toBe(holders(['hnte']));
  expect(await provider('hnte_count').current(t.database.db, '371500', asOf)).toBeNull();
});

test('the registry counts platforms approved and not revoked by the day asked', async () => {
  const { rows } = await t.database.pool.query<{ approved_on: string; revoked_on: string | null }>(
    "SELECT approved_on::text, revoked_on::text FROM registry_platforms WHERE region_code LIKE '4103%'");
  const day = '2026-06-30';
  const expected = rows.filter((r) => r.approved_on <= day && (r.revoked_on === null || r.revoked_on > day)).length;
  expect(await provider('platform_count').current(t.database.db, '410300', new Date(`${day}T00:00:00Z`))).toBe(expected === 0 ? null : expected);
});

test('technology contract turnover sums the contracts registered in the year, in 亿元, each once', async () => {
  const { rows } = await t.database.pool.query<{ year: number; total: string }>(
    "SELECT extract(year FROM registered_at AT TIME ZONE 'Asia/Shanghai')::int AS year, total_fen::text AS total FROM market_tech_contracts WHERE status = 'registered'");
  expect(rows.length).toBeGreaterThan(0);
  const year = rows[0]!.year;
  const expectedFen = rows.filter((r) => r.year === year).reduce((sum, r) => sum + BigInt(r.total), 0n);
  const value = await TECH_CONTRACT_TURNOVER_PROVIDER.current(t.database.db, '410300', new Date(`${year}-07-01T00:00:00Z`));
  expect(value).toBeCloseTo(Number(expectedFen) / 1e10, 10);
  expect(await TECH_CONTRACT_TURNOVER_PROVIDER.current(t.database.db, '410300', new Date('1999-07-01T00:00:00Z'))).toBeNull();
});

test('the target board shows the registry count as the live figure', async () => {
  const bureau = await logIn(t.app, 'bureau.staff@demo.kechuang.cn');
  const board = (await bureau.request({ method: 'GET', url: '/api/v1/monitoring/targets' })).json();
  const hnte = board.plans[0].targets.find((x: { indicatorCode: string }) => x.indicatorCode === 'hnte_count');
  expect(hnte.live).toMatchObject({ module: 'registry' });
  expect(hnte.latest.value).toBe(await provider('hnte_count').current(t.database.db, '410300', new Date()));
});
