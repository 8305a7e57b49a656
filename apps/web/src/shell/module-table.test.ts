import { expect, test } from 'vitest';
import { MODULE_TABLE, moduleForPath, visibleModules, type ModuleEntry } from './module-table.ts';

const table: ModuleEntry[] = [
  { key: 'overview', path: '/overview', label: 'nav.overview' },
  { key: 'registry' as 'overview', path: '/registry', label: 'nav.overview' },
];

test('only granted modules that the web app knows are shown, in table order', () => {
  expect(visibleModules(['registry', 'overview', 'future-thing'], table).map((m) => m.key)).toEqual(['overview', 'registry']);
  expect(visibleModules([], table)).toEqual([]);
  expect(visibleModules(['vouchers'])).toEqual([]); // granted by a server, no page yet
});

test('the overview module exists today', () => {
  expect(visibleModules(['overview']).map((m) => m.path)).toEqual(['/overview']);
});

test('module keys and paths are unique', () => {
  expect(new Set(MODULE_TABLE.map((m) => m.key)).size).toBe(MODULE_TABLE.length);
  expect(new Set(MODULE_TABLE.map((m) => m.path)).size).toBe(MODULE_TABLE.length);
});

test('a path belongs to the module whose route prefixes it, on a segment boundary', () => {
  expect(moduleForPath('/overview', table)?.key).toBe('overview');
  expect(moduleForPath('/registry/orgs/1', table)?.path).toBe('/registry');
  expect(moduleForPath('/overviews', table)).toBeUndefined();
});
