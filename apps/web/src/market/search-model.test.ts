import { describe, expect, test } from 'vitest';
import { EMPTY_SEARCH, facetLabel, searchPath, toggleFilter } from './search-model.ts';

describe('search path', () => {
  test('an empty box browses: no q parameter at all', () => {
    expect(searchPath(EMPTY_SEARCH, null)).toBe('/market/search?limit=10');
    expect(searchPath({ q: '   ', filters: {} }, null)).toBe('/market/search?limit=10');
  });

  test('filters become the API parameters; several TRL levels become a range', () => {
    const state = { q: '石墨烯 导热', filters: { kind: ['achievement'], field: ['电子显示材料', '新能源电池'], trl: ['7', '5'], priceBand: ['lt_100k'] } };
    const params = new URLSearchParams(searchPath(state, 'abc').split('?')[1]);
    expect(params.get('q')).toBe('石墨烯 导热');
    expect(params.get('kind')).toBe('achievement');
    expect(params.get('field')).toBe('电子显示材料,新能源电池');
    expect([params.get('trlMin'), params.get('trlMax')]).toEqual(['5', '7']);
    expect(params.get('priceBand')).toBe('lt_100k');
    expect(params.get('cursor')).toBe('abc');
  });

  test('both kinds picked means no kind filter', () => {
    expect(searchPath({ q: '', filters: { kind: ['achievement', 'demand'] } }, null)).not.toContain('kind=');
  });
});

test('toggling a facet value twice restores the state', () => {
  const once = toggleFilter(EMPTY_SEARCH, 'field', '高端轴承');
  expect(once.filters.field).toEqual(['高端轴承']);
  expect(toggleFilter(once, 'field', '高端轴承').filters.field).toEqual([]);
});

test('facet labels: codes become messages, districts their names', () => {
  expect(facetLabel('priceBand', 'lt_100k', {})).toEqual({ key: 'market.band.lt_100k' });
  expect(facetLabel('trl', '7', {})).toEqual({ key: 'market.trl', params: { trl: '7' } });
  expect(facetLabel('district', '410305', { 410305: '涧西区' })).toEqual({ text: '涧西区' });
  expect(facetLabel('field', '高端轴承', {})).toEqual({ text: '高端轴承' });
});
