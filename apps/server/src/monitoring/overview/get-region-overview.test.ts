import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, errorOf, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => t.close());

type Target = { indicatorCode: string; latestValue: number | null; targetValue: number; completion: number | null; cagrNeeded: number | null };

test('the demo city overview carries the seed figures and the 2025 targets', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/regions/410300/overview' });
  expect(res.statusCode).toBe(200);
  const body = res.json();
  expect(body.region).toEqual({ code: '410300', name: '洛阳市', nameEn: 'Luoyang' });
  const rd = body.indicators.find((i: { code: string }) => i.code === 'rd_expenditure');
  expect(rd.observations).toEqual([{ period: '2018', value: 99.36 }, { period: '2020', value: 119.23 }, { period: '2021', value: 153.91 }]);
  const targets = new Map<string, Target>(body.targets.map((x: Target) => [x.indicatorCode, x]));
  expect(targets.size).toBe(6);
  const hnte = targets.get('hnte_count')!;
  expect(hnte.completion).toBeCloseTo(1036 / 1600, 10);
  expect(hnte.cagrNeeded).toBeCloseTo((1600 / 1036) ** (1 / 4) - 1, 10);
  const platforms = targets.get('platform_count')!;
  expect(platforms.completion).toBeCloseTo(2853 / 4000, 10);
  // no published figure for fiscal S&T share yet: completion unknown, not zero
  expect(targets.get('fiscal_st_share')).toMatchObject({ latestValue: null, completion: null, cagrNeeded: null });
});

test('an unknown region is a clear 404 and a malformed code a 400 naming the parameter', async () => {
  const missing = await t.app.inject({ method: 'GET', url: '/api/v1/regions/999900/overview' });
  expect(missing.statusCode).toBe(404);
  expect(errorOf(missing).message).toContain('999900');
  const malformed = await t.app.inject({ method: 'GET', url: "/api/v1/regions/41'03/overview" });
  expect(malformed.statusCode).toBe(400);
  expect(errorOf(malformed).field).toBe('params.code');
});
