import { describe, expect, test } from 'vitest';
import { headlineCounts, mergeFeedItem, type FeedItem } from './feed-model.ts';
import type { SearchResult } from './market-api.ts';

const item = (id: string, title = id): FeedItem => ({ id, kind: 'achievement', title, field: '光伏', publishedAt: '2026-01-01T00:00:00Z' });

describe('mergeFeedItem', () => {
  test('puts the new item on top', () => {
    expect(mergeFeedItem([item('a'), item('b')], item('c'), 10).map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });
  test('a repeated item moves to the top once, with its newer content', () => {
    const merged = mergeFeedItem([item('a'), item('b')], item('b', '新标题'), 10);
    expect(merged.map((x) => x.id)).toEqual(['b', 'a']);
    expect(merged[0]!.title).toBe('新标题');
  });
  test('keeps at most `keep` items, dropping the oldest', () => {
    expect(mergeFeedItem([item('a'), item('b'), item('c')], item('d'), 3).map((x) => x.id)).toEqual(['d', 'a', 'b']);
  });
});

describe('headlineCounts', () => {
  const result = (facets: SearchResult['facets'], total: number): SearchResult => ({
    query: null, mode: 'browse', terms: [], total, totalCapped: false, hits: [], nextCursor: null, facets,
  });
  test('reads kinds and the number of fields from the facets', () => {
    const facets = {
      kind: [{ value: 'demand', count: 7 }, { value: 'achievement', count: 12 }],
      field: [{ value: '光伏', count: 3 }, { value: '石墨烯', count: 2 }, { value: '动力电池', count: 1 }],
      trl: [], priceBand: [], district: [],
    };
    expect(headlineCounts(result(facets, 19))).toEqual({ total: 19, achievements: 12, demands: 7, fields: 3 });
  });
  test('without facets the kinds count zero', () => {
    expect(headlineCounts(result(null, 4))).toEqual({ total: 4, achievements: 0, demands: 0, fields: 0 });
  });
});
