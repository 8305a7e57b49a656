import { describe, expect, test } from 'vitest';
import { scoreBar } from './score-bar.ts';

describe('score bar', () => {
  test('a fixed score fills both parts alike; a range shows the certain and the possible part', () => {
    expect(scoreBar(72)).toEqual({ min: 72, max: 72, minPct: 72, maxPct: 72 });
    expect(scoreBar({ min: 63, max: 70 })).toEqual({ min: 63, max: 70, minPct: 63, maxPct: 70 });
  });
  test('no score, no bar; out-of-range values are clamped', () => {
    expect(scoreBar(null)).toBeNull();
    expect(scoreBar(130)?.maxPct).toBe(100);
  });
});
