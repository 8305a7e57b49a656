import { expect, test } from 'vitest';
import { INDICATOR_CATALOGUE } from '../indicator-catalogue.ts';
import { checkFormulas, evaluateFormula, formulaText, withComputed, type FormulaDefinition } from './indicator-formula.ts';

const defs: FormulaDefinition[] = INDICATOR_CATALOGUE.map((d) => ({ code: d.code, formula: d.formula ?? null }));

test('R&D intensity is R&D ÷ GDP × 100: 153.91亿 of 5,447.1亿 is 2.8255…%', () => {
  const v = withComputed(new Map([['rd_expenditure', 153.91], ['gdp', 5447.1]]), defs);
  expect(v.get('rd_intensity')).toEqual({ value: (153.91 / 5447.1) * 100, computed: true });
  expect(v.get('rd_intensity')!.value).toBeCloseTo(2.82554, 4);
});

test('per-10,000-population rate: 8,119 valid invention patents over 706.9万 people is 11.485 per 10,000', () => {
  const v = withComputed(new Map([['valid_invention_patents', 8119], ['population', 706.9]]), defs);
  expect(v.get('invention_patents_per_10k')!.value).toBeCloseTo(11.48536, 5);
});

test('a published figure wins over the formula', () => {
  const v = withComputed(new Map([['rd_expenditure', 153.91], ['gdp', 5447.1], ['rd_intensity', 2.83]]), defs);
  expect(v.get('rd_intensity')).toEqual({ value: 2.83, computed: false });
});

test('missing inputs or a zero denominator give no value, not zero or infinity', () => {
  expect(evaluateFormula({ op: 'ratio', numerator: 'a', denominator: 'b', scale: 1 }, new Map([['a', 1]]))).toBeNull();
  expect(evaluateFormula({ op: 'ratio', numerator: 'a', denominator: 'b', scale: 1 }, new Map([['a', 1], ['b', 0]]))).toBeNull();
});

test('formulas may chain through other computed indicators', () => {
  const chain: FormulaDefinition[] = [
    { code: 'a', formula: null }, { code: 'b', formula: null },
    { code: 'c', formula: { op: 'ratio', numerator: 'd', denominator: 'b', scale: 1 } },
    { code: 'd', formula: { op: 'ratio', numerator: 'a', denominator: 'b', scale: 10 } },
  ];
  const v = withComputed(new Map([['a', 6], ['b', 2]]), chain);
  expect(v.get('d')!.value).toBe(30);
  expect(v.get('c')!.value).toBe(15);
});

test('the shipped catalogue has unique codes and well-formed, acyclic formulas', () => {
  expect(new Set(defs.map((d) => d.code)).size).toBe(defs.length);
  expect(checkFormulas(defs)).toEqual([]);
  expect(checkFormulas([{ code: 'x', formula: { op: 'ratio', numerator: 'x', denominator: 'y', scale: 1 } }, { code: 'y', formula: null }])).toEqual(['x: depends on itself']);
  expect(formulaText({ op: 'ratio', numerator: 'rd_expenditure', denominator: 'gdp', scale: 100 })).toBe('rd_expenditure ÷ gdp × 100');
});
