import { describe, expect, test } from 'vitest';
import { currentTier, MAX_UNMET, nextTier, withinReach } from './ladder.ts';

const cert = (kind: string, validFrom: string, validUntil: string) => ({ kind, validFrom, validUntil });
const crit = (status: 'met' | 'unmet' | 'unknown') => ({ id: 'x', status, value: null, threshold: null, points: null, message: '', message_en: '' });

describe('the tier ladder', () => {
  test('the current tier is the highest rung with a certificate valid on the day, both ends inclusive', () => {
    const certs = [cert('tech-sme', '2024-01-01', '2024-12-31'), cert('hnte', '2022-01-01', '2024-12-31')];
    expect(currentTier(certs, '2024-12-31')).toBe('hnte');
    expect(currentTier(certs, '2025-01-01')).toBeNull();
    expect(currentTier([cert('tech-sme', '2024-01-01', '2024-12-31')], '2024-01-01')).toBe('tech-sme');
  });

  test('the next tier of an enterprise without any is tech-sme, and the top has none', () => {
    expect(nextTier(null)).toBe('tech-sme');
    expect(nextTier('hnte')).toBe('specialized-sme');
    expect(nextTier('little-giant')).toBeNull();
  });

  test(`within reach: qualified, undetermined, or at most ${MAX_UNMET} unmet criteria`, () => {
    const result = (outcome: 'qualified' | 'not_qualified' | 'undetermined', unmet: number) =>
      new Map([['tech-sme', { outcome, criteria: [...Array.from({ length: unmet }, () => crit('unmet')), crit('met')] }]]);
    expect(withinReach(null, result('qualified', 0))).toEqual({ tier: 'tech-sme', unmet: 0, outcome: 'qualified' });
    expect(withinReach(null, result('undetermined', 3))?.tier).toBe('tech-sme');
    expect(withinReach(null, result('not_qualified', MAX_UNMET))?.unmet).toBe(MAX_UNMET);
    expect(withinReach(null, result('not_qualified', MAX_UNMET + 1))).toBeNull();
    expect(withinReach('tech-sme', result('qualified', 0))).toBeNull(); // the next rung has no result
  });
});
