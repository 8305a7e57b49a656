import { describe, expect, test } from 'vitest';
import { CompositeInputError } from './errors.ts';
import { buildFramework } from './framework.ts';
import { parseRecipe } from './recipe.ts';
import type { Row } from './types.ts';

const meta: Row[] = [
  { Level: 1, iCode: 'a', Direction: 1, Weight: 1, Denominator: 'NA', Parent: 'P', Type: 'Indicator' },
  { Level: 1, iCode: 'b', Direction: -1, Weight: 2, Denominator: 'pop', Parent: 'P', Type: 'Indicator' },
  { Level: 2, iCode: 'P', Direction: 1, Weight: 1, Denominator: 'NA', Parent: 'NA', Type: 'Aggregate' },
  { Level: 'NA', iCode: 'pop', Direction: 'NA', Weight: 'NA', Denominator: 'NA', Parent: 'NA', Type: 'Denominator' },
];
const data: Row[] = [
  { uCode: 'X', a: '1', b: '2', pop: '10' },
  { uCode: 'Y', a: '3', b: 'NA', pop: '20' },
];

function caught(f: () => unknown): CompositeInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof CompositeInputError) return e;
    throw e;
  }
  throw new Error('expected a CompositeInputError');
}

describe('framework checks', () => {
  test('a valid framework builds the tree and reads NA as missing', () => {
    const fw = buildFramework(data, meta);
    expect(fw.children.get('P')).toEqual(['a', 'b']);
    expect(fw.nLevels).toBe(2);
    expect(fw.raw.columns[1]![1]).toBeNaN();
  });

  test('an iCode in the metadata that is not a data column is rejected', () => {
    const e = caught(() => buildFramework(data, [...meta, { Level: 1, iCode: 'zz', Direction: 1, Weight: 1, Parent: 'P', Type: 'Indicator' }]));
    expect(e.code).toBe('unknown_icode');
    expect(e.field).toBe('meta.zz');
    expect(e.message).toMatch(/zz/);
    expect(e.messageEn).toMatch(/not a column/);
  });

  test('a cycle in the Parent chain is rejected', () => {
    const cyc: Row[] = [
      { Level: 1, iCode: 'a', Direction: 1, Weight: 1, Parent: 'P', Type: 'Indicator' },
      { Level: 2, iCode: 'P', Direction: 1, Weight: 1, Parent: 'Q', Type: 'Aggregate' },
      { Level: 3, iCode: 'Q', Direction: 1, Weight: 1, Parent: 'P', Type: 'Aggregate' },
    ];
    const e = caught(() => buildFramework([{ uCode: 'X', a: 1 }], cyc));
    expect(e.code).toBe('parent_cycle');
    expect(e.field).toMatch(/Parent$/);
  });

  test('a non-numeric value is rejected with the unit and indicator', () => {
    const e = caught(() => buildFramework([{ uCode: 'X', a: 'abc', b: '1', pop: '1' }], meta));
    expect(e.code).toBe('non_numeric');
    expect(e.field).toBe('data.X.a');
    expect(e.messageEn).toMatch(/abc/);
  });

  test('a denominator missing from the data is rejected', () => {
    const e = caught(() => buildFramework([{ uCode: 'X', a: 1, b: 2 }], meta.slice(0, 3)));
    expect(e.code).toBe('missing_denominator');
    expect(e.field).toBe('meta.b.Denominator');
  });

  test('an unknown recipe key is rejected with its path', () => {
    const e = caught(() => parseRecipe({ steps: [{ op: 'normalise', metod: 'minmax' }] }));
    expect(e.code).toBe('bad_recipe_key');
    expect(e.field).toBe('steps[0].metod');
  });

  test('an unknown op and a bad method are rejected', () => {
    expect(caught(() => parseRecipe({ steps: [{ op: 'shuffle' }] })).code).toBe('bad_recipe_key');
    expect(caught(() => parseRecipe({ steps: [{ op: 'aggregate', method: { 2: 'median' } }] })).field).toBe('steps[0].method');
  });
});
