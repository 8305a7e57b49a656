import fc from 'fast-check';
import { expect, test } from 'vitest';
import { assessTarget } from './target-forecast.ts';

test('高企 469 (2018) → 1,036 (2021) against 1,600 in 2025: 30.24% a year achieved, 11.48% needed, on track', () => {
  const a = assessTarget({
    baseline: { period: '2018', value: 469 },
    series: [{ period: '2018', value: 469 }, { period: '2020', value: 755 }, { period: '2021', value: 1036 }],
    targetPeriod: '2025', targetValue: 1600, comparison: 'at_least',
  });
  // (1036/469)^(1/3) − 1 = 0.302 4…; (1600/1036)^(1/4) − 1 = 0.114 78…
  expect(a.cagrAchieved).toBeCloseTo(0.30238, 4);
  expect(a.cagrNeeded).toBeCloseTo(0.11478, 4);
  expect(a.completion).toBeCloseTo(0.6475, 10);
  expect(a.progress).toBeCloseTo((1036 - 469) / (1600 - 469), 10);
  expect(a.forecast).toBeCloseTo(1036 * 1.30238 ** 4, -1);
  expect(a.status).toBe('on_track');
});

test('R&D intensity 2.14% (2018) → 2.83% (2021) grows 9.76% a year; reaching 3.75% in 2025 needs 7.29%: on track', () => {
  const a = assessTarget({
    baseline: null,
    series: [{ period: '2018', value: 2.14 }, { period: '2021', value: 2.83 }],
    targetPeriod: '2025', targetValue: 3.75, comparison: 'at_least',
  });
  expect(a.cagrAchieved).toBeCloseTo(0.09762, 4);
  expect(a.status).toBe('on_track');
});

test('slow growth is off track; a reached target is achieved; one point gives no trend; none gives no data', () => {
  const slow = assessTarget({ baseline: { period: '2020', value: 100 }, series: [{ period: '2021', value: 101 }], targetPeriod: '2025', targetValue: 200, comparison: 'at_least' });
  expect(slow.status).toBe('off_track');
  const done = assessTarget({ baseline: null, series: [{ period: '2021', value: 210 }], targetPeriod: '2025', targetValue: 200, comparison: 'at_least' });
  expect(done.status).toBe('achieved');
  const single = assessTarget({ baseline: null, series: [{ period: '2021', value: 150 }], targetPeriod: '2025', targetValue: 200, comparison: 'at_least' });
  expect(single).toMatchObject({ status: 'no_trend', cagrAchieved: null, forecast: null });
  expect(assessTarget({ baseline: null, series: [], targetPeriod: '2025', targetValue: 1, comparison: 'at_least' }).status).toBe('no_data');
});

test('an "at most" target (energy per GDP falling to 0.5) is on track when the fall continues fast enough', () => {
  const a = assessTarget({ baseline: { period: '2020', value: 0.8 }, series: [{ period: '2022', value: 0.64 }], targetPeriod: '2025', targetValue: 0.5, comparison: 'at_most' });
  expect(a.cagrAchieved).toBeCloseTo(Math.sqrt(0.8) - 1, 10);
  expect(a.status).toBe('on_track');
});

test('on track exactly when the achieved growth rate is at least the needed one', () => {
  fc.assert(fc.property(
    fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 1.01, max: 3, noNaN: true }), fc.double({ min: 1.01, max: 5, noNaN: true }),
    fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }),
    (base, grown, targetFactor, done, left) => {
      const latest = base * grown;
      const target = latest * targetFactor;
      const a = assessTarget({ baseline: { period: String(2015), value: base }, series: [{ period: String(2015 + done), value: latest }], targetPeriod: String(2015 + done + left), targetValue: target, comparison: 'at_least' });
      if (Math.abs(a.cagrAchieved! - a.cagrNeeded!) < 1e-9) return;
      expect(a.status === 'on_track').toBe(a.cagrAchieved! > a.cagrNeeded!);
    },
  ));
});

test('with the baseline in the latest year, the trend of the earlier observations is the growth achieved', () => {
  const a = assessTarget({
    baseline: { period: '2021', value: 2.83 },
    series: [{ period: '2018', value: 2.14 }, { period: '2020', value: 2.37 }, { period: '2021', value: 2.83 }],
    targetPeriod: '2025', targetValue: 3.75, comparison: 'at_least',
  });
  expect(a.cagrAchieved).toBeCloseTo(0.09762, 4);
  expect(a.progress).toBeCloseTo((2.83 - 2.14) / (3.75 - 2.14), 10);
  expect(a.status).toBe('on_track');
});
