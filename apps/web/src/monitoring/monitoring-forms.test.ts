import { expect, test } from 'vitest';
import { changedWeights, targetRequest, weightProblems, weightTree } from './monitoring-forms.ts';
import type { FrameworkMetaRow } from './monitoring-types.ts';

const row = (iCode: string, parent: string | null, weight: number, level: number): FrameworkMetaRow =>
  ({ iCode, nameZh: iCode, nameEn: iCode, level, parent, weight, direction: 1, type: level === 1 ? 'Indicator' : 'Aggregate' });
const meta = [row('a1', 'A', 1, 1), row('a2', 'A', 3, 1), row('b1', 'B', 2, 1), row('A', 'index', 0.25, 2), row('B', 'index', 0.75, 2), row('index', null, 1, 3)];

test('the tree starts at the pillars and gives each node its share of its parent', () => {
  const tree = weightTree(meta, {});
  expect(tree.map((n) => [n.iCode, n.share])).toEqual([['A', 0.25], ['B', 0.75]]);
  expect(tree[0]!.children!.map((n) => [n.iCode, n.share])).toEqual([['a1', 0.25], ['a2', 0.75]]);
  expect(tree[1]!.children!.map((n) => n.share)).toEqual([1]);
  const edited = weightTree(meta, { A: 1, B: 1 });
  expect(edited.map((n) => n.share)).toEqual([0.5, 0.5]);
});

test('problems mirror the server: negative, missing, and a node whose children weigh nothing', () => {
  expect(weightProblems(meta, {})).toEqual([]);
  expect(weightProblems(meta, { a1: -1 })).toContainEqual({ iCode: 'a1', kind: 'negative' });
  expect(weightProblems(meta, { b1: null })).toContainEqual({ iCode: 'b1', kind: 'not_a_number' });
  expect(weightProblems(meta, { a1: 0, a2: 0 })).toEqual([{ iCode: 'A', kind: 'zero_sum' }]);
  expect(weightProblems(meta, { A: 0, B: 0 })).toEqual([{ iCode: 'index', kind: 'zero_sum' }]);
});

test('only changed weights are sent', () => {
  expect(changedWeights(meta, { A: 0.25, B: 0.5, a1: null })).toEqual({ B: 0.5 });
});

test('an empty baseline becomes null on both fields; text is trimmed', () => {
  expect(targetRequest({ indicatorCode: 'x', baselinePeriod: ' ', baselineValue: undefined, targetPeriod: ' 2025 ', targetValue: 3, comparison: 'at_most' }))
    .toEqual({ baselinePeriod: null, baselineValue: null, targetPeriod: '2025', targetValue: 3, comparison: 'at_most' });
  expect(targetRequest({ indicatorCode: 'x', baselinePeriod: '2021', baselineValue: 0, targetPeriod: '2025', targetValue: 3, comparison: 'at_least' }))
    .toMatchObject({ baselinePeriod: '2021', baselineValue: 0 });
});
