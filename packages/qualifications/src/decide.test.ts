// Every pack's decision path (`decide`) must give the outcome and score its full evaluation gives: the two
// are written separately (the fast path builds no evidence), so this property holds them together.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Profile, RulePack } from './types.ts';
import { evaluateProfile } from './evaluate.ts';
import { DEFAULT_PACKS } from './registry.ts';
import { factsOf } from './shared/profile-facts.ts';
import { completeProfile, removals, withoutFields } from './testing/arbitraries.ts';
import { goldenProfile, mulberry32 } from './testing/golden-profiles.ts';
import { gazellePack, SHANDONG_GAZELLE } from './packs/gazelle/gazelle.ts';
import { COMMON_UNICORN, unicornPack } from './packs/unicorn/unicorn.ts';

function agree(pack: RulePack, p: Profile, asOf: string): void {
  const full = pack.evaluate(p, { assessedOn: asOf });
  const fast = pack.decide!(factsOf(p, asOf));
  expect([pack.rule, pack.version, fast.outcome, fast.score]).toEqual([pack.rule, pack.version, full.outcome, full.score]);
}

describe('decision paths agree with the full evaluation', () => {
  test('every default pack has a decision path', () => {
    expect(DEFAULT_PACKS.filter((p) => p.decide === undefined).map((p) => p.rule)).toEqual([]);
  });

  test('on complete and partial profiles, for every pack and version', () => {
    fc.assert(fc.property(completeProfile, removals, (full, rm) => {
      const partial = withoutFields(full, rm.top, rm.inYears);
      for (const p of [full, partial]) for (const pack of DEFAULT_PACKS) agree(pack, p, p.assessedOn!);
    }), { numRuns: 600 });
  });

  test('on the seeded benchmark-like profiles (many reach qualified), on dates from 2024 to 2027', () => {
    // fast-check's random profiles rarely meet every basic condition; these firms often do.
    const rand = mulberry32(7);
    const dates = ['2024-12-31', '2025-06-30', '2026-03-31', '2026-04-01', '2027-02-28'];
    for (let i = 0; i < 2000; i++) {
      const p = goldenProfile(rand, i);
      const asOf = dates[i % dates.length]!;
      for (const pack of DEFAULT_PACKS) agree(pack, p, asOf);
    }
  });

  test('for regional gazelle and unicorn definitions other than the defaults', () => {
    const gazelle = gazellePack({ ...SHANDONG_GAZELLE, version: 'x', minYears: 2, debtStrict: false, requireUnlisted: false, ip: { inventions: 1, utilityOrSoftware: 3, ledStandardCounts: false } });
    const unicorn = unicornPack({ ...COMMON_UNICORN, version: 'y', maxAgeYears: 8, requirePrivateInvestment: false, requireUnlisted: false });
    fc.assert(fc.property(completeProfile, removals, (full, rm) => {
      const partial = withoutFields(full, rm.top, rm.inYears);
      for (const p of [full, partial]) for (const pack of [gazelle, unicorn]) agree(pack, p, p.assessedOn!);
    }), { numRuns: 300 });
  });

  test('a result built lazily reads and serialises exactly as the full evaluation', () => {
    fc.assert(fc.property(completeProfile, removals, (full, rm) => {
      const p = withoutFields(full, rm.top, rm.inYears);
      const lazy = evaluateProfile(p).results;
      const eager = evaluateProfile(p, { packs: DEFAULT_PACKS.map(({ decide: _d, ...pack }) => pack) }).results;
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
      lazy.forEach((r, i) => {
        expect(r.criteria.map((c) => [c.id, c.status, c.value, c.points, c.message])).toEqual(eager[i]!.criteria.map((c) => [c.id, c.status, c.value, c.points, c.message]));
        expect(r.gaps.map((g) => [g.criterion, g.shortfall, g.message_en])).toEqual(eager[i]!.gaps.map((g) => [g.criterion, g.shortfall, g.message_en]));
      });
    }), { numRuns: 200 });
  });
});
