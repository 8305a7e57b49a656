import { describe, expect, test } from 'vitest';
import { currentTier, MAX_UNMET, nextTier, reachesOf, withinReach } from './ladder.ts';

const cert = (kind: string, validFrom: string, validUntil: string) => ({ kind, validFrom, validUntil });
const crit = (status: 'met' | 'unmet' | 'unknown') => ({ id: 'x', status, value: null, threshold: null, points: null, message: '', message_en: '' });
const result = (outcome: 'qualified' | 'not_qualified' | 'undetermined', unmet: number) =>
  ({ outcome, criteria: [...Array.from({ length: unmet }, () => crit('unmet')), crit('met')] });

describe('the tier ladders', () => {
  test('the current tier is the highest rung with a certificate valid on the day, both ends inclusive', () => {
    const certs = [cert('tech-sme', '2024-01-01', '2024-12-31'), cert('hnte', '2022-01-01', '2024-12-31')];
    expect(currentTier(certs, '2024-12-31')).toBe('hnte');
    expect(currentTier(certs, '2025-01-01')).toBeNull();
    expect(currentTier([cert('tech-sme', '2024-01-01', '2024-12-31')], '2024-01-01')).toBe('tech-sme');
  });

  test('each ladder has its own rungs: a 高企 is on the science ladder, not the industry one', () => {
    const certs = [cert('hnte', '2022-01-01', '2025-12-31')];
    expect(currentTier(certs, '2024-06-01', 'science')).toBe('hnte');
    expect(currentTier(certs, '2024-06-01', 'industry')).toBeNull();
    expect(nextTier(null)).toBe('tech-sme');
    expect(nextTier('tech-sme')).toBe('hnte');
    expect(nextTier(null, 'industry')).toBe('innovative-sme');
    expect(nextTier('little-giant', 'industry')).toBeNull();
  });

  test(`within reach: qualified, undetermined, or at most ${MAX_UNMET} unmet criteria`, () => {
    const on = (r: ReturnType<typeof result>) => new Map([['tech-sme', r]]);
    expect(withinReach(null, on(result('qualified', 0)))).toEqual({ tier: 'tech-sme', unmet: 0, outcome: 'qualified' });
    expect(withinReach(null, on(result('undetermined', 3)))?.tier).toBe('tech-sme');
    expect(withinReach(null, on(result('not_qualified', MAX_UNMET)))?.unmet).toBe(MAX_UNMET);
    expect(withinReach(null, on(result('not_qualified', MAX_UNMET + 1)))).toBeNull();
    expect(withinReach('tech-sme', on(result('qualified', 0)))).toBeNull(); // the next rung (hnte) has no result
  });

  test('a tech-SME close to 高企 and to 创新型 is in reach on both ladders', () => {
    const certs = [cert('tech-sme', '2024-01-01', '2024-12-31')];
    const results = new Map([['hnte', result('not_qualified', 1)], ['innovative-sme', result('qualified', 0)], ['tech-sme', result('qualified', 0)]]);
    expect(reachesOf(certs, '2024-06-01', results).map((r) => r.tier)).toEqual(['hnte', 'innovative-sme']);
  });
});
