// Invariants that hold for every profile, checked with fast-check.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Outcome, Points, Profile, RuleResult } from './types.ts';
import { evaluateProfile } from './evaluate.ts';
import { validateProfile } from './validate-profile.ts';
import { completeProfile, removals, withoutFields } from './testing/arbitraries.ts';

const lo = (p: Points): number => (p === null ? 0 : typeof p === 'number' ? p : p.min);
const hi = (p: Points): number => (p === null ? 100 : typeof p === 'number' ? p : p.max);
const RANK: Record<Outcome, number> = { not_qualified: 0, undetermined: 1, qualified: 2 };
const run = (p: Profile): RuleResult[] => evaluateProfile(p).results;

describe('properties of every rule pack', () => {
  test('generated profiles are valid', () => {
    fc.assert(fc.property(completeProfile, (p) => {
      expect(validateProfile(p)).toBe(p);
    }), { numRuns: 200 });
  });

  test('taking data away never changes a definite outcome, and the score range always contains the full-data score', () => {
    fc.assert(fc.property(completeProfile, removals, (full, rm) => {
      const partial = withoutFields(full, rm.top, rm.inYears);
      const a = run(full);
      const b = run(partial);
      a.forEach((ra, i) => {
        const rb = b[i]!;
        if (rb.outcome !== 'undetermined') expect([ra.rule, rb.outcome]).toEqual([ra.rule, ra.outcome]);
        expect(lo(rb.score)).toBeLessThanOrEqual(lo(ra.score));
        expect(hi(rb.score)).toBeGreaterThanOrEqual(hi(ra.score));
      });
    }), { numRuns: 400 });
  });

  test('the hnte score range without expert scores contains the score with any expert scores', () => {
    fc.assert(fc.property(completeProfile, (full) => {
      const { expert: _e, ...noExpert } = full;
      const withExpert = run(full).find((r) => r.rule === 'hnte')!;
      const without = run(noExpert).find((r) => r.rule === 'hnte')!;
      expect(lo(without.score)).toBeLessThanOrEqual(lo(withExpert.score));
      expect(hi(without.score)).toBeGreaterThanOrEqual(hi(withExpert.score));
      if (without.outcome !== 'undetermined') expect(withExpert.outcome).toBe(without.outcome);
    }), { numRuns: 300 });
  });

  test('more R&D (spent in China) never lowers a score or an outcome', () => {
    fc.assert(fc.property(completeProfile, fc.integer({ min: 1, max: 5_000_000 }), fc.nat(2), (p, extra, which) => {
      const more: Profile = {
        ...p,
        financials: p.financials!.map((f, i) => (i === which || i === 2 ? { ...f, rdExpense: f.rdExpense! + extra, rdExpenseDomestic: f.rdExpenseDomestic! + extra } : f)),
      };
      const a = run(p);
      const b = run(more);
      a.forEach((ra, i) => {
        const rb = b[i]!;
        expect(lo(rb.score)).toBeGreaterThanOrEqual(lo(ra.score));
        expect(hi(rb.score)).toBeGreaterThanOrEqual(hi(ra.score));
        expect([ra.rule, RANK[rb.outcome] >= RANK[ra.outcome]]).toEqual([ra.rule, true]);
      });
    }), { numRuns: 300 });
  });

  test('a profile with nothing but an id is undetermined under every pack, with nothing unmet', () => {
    for (const asOf of ['2025-01-01', '2026-04-01']) {
      for (const r of evaluateProfile({ id: 'x' }, { asOf }).results) {
        expect([r.rule, r.outcome]).toEqual([r.rule, 'undetermined']);
        expect(r.criteria.filter((c) => c.status === 'unmet')).toEqual([]);
      }
    }
  });

  test('a score range is never inverted and never leaves 0–100', () => {
    fc.assert(fc.property(completeProfile, removals, (full, rm) => {
      for (const r of run(withoutFields(full, rm.top, rm.inYears))) {
        expect(lo(r.score)).toBeLessThanOrEqual(hi(r.score));
        expect(lo(r.score)).toBeGreaterThanOrEqual(0);
        expect(hi(r.score)).toBeLessThanOrEqual(100);
      }
    }), { numRuns: 200 });
  });
});
