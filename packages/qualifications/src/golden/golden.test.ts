// Golden equivalence: the engine's results for 3,000 seeded profiles on three dates must match, hash for hash,
// the digest in test-data/golden-digest.txt. That file was produced by write-golden-digest.ts from the engine
// as it stood before the performance work (commit "qualifications: golden-equivalence digest …"), so any
// optimisation that changes a single outcome, score, criterion, gap or message fails here. Regenerate the
// file only when a rule change is intended, and say so in that commit.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { GOLDEN_COUNT, goldenEntries } from './golden-digest.ts';

const expected = readFileSync(new URL('../../test-data/golden-digest.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'));

describe('golden equivalence with the original engine', () => {
  test('every seeded profile gives the same decisions and the same JSON output', () => {
    expect(expected).toHaveLength(GOLDEN_COUNT);
    const actual = goldenEntries().map((e) => `${e.id} ${e.outcomes} ${e.decisions} ${e.output}`);
    const differing = actual.filter((line, i) => line !== expected[i]);
    // Name the first few differences: the outcome letters show at once whether a decision moved.
    expect(differing.slice(0, 5)).toEqual([]);
    expect(actual).toEqual(expected);
  });
});
