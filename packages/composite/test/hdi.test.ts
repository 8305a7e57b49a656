// The UNDP Human Development Index 2022 rebuilt with the engine: goalposts, ln GNI, education = mean of the two
// schooling indices, HDI = geometric mean of the three dimension indices; compared to the published three decimals.
import { describe, expect, test } from 'vitest';
import { buildFramework, getDataSet, parseRecipe, runRecipe } from '../src/index.ts';
import type { Row } from '../src/types.ts';
import { readCsv } from './read-csv.ts';

const rows = readCsv(new URL('../test-data/hdi-2022.csv', import.meta.url));
const countries = rows.filter((r) => !String(r['iso3']).startsWith('ZZ') &&
  ['hdi_2022', 'le_2022', 'eys_2022', 'mys_2022', 'gnipc_2022'].every((c) => r[c] !== '' && r[c] !== undefined));

const meta: Row[] = [
  { Level: 1, iCode: 'le', Direction: 1, Weight: 1, Parent: 'Health', Type: 'Indicator' },
  { Level: 1, iCode: 'eys', Direction: 1, Weight: 1, Parent: 'Education', Type: 'Indicator' },
  { Level: 1, iCode: 'mys', Direction: 1, Weight: 1, Parent: 'Education', Type: 'Indicator' },
  { Level: 1, iCode: 'gni', Direction: 1, Weight: 1, Parent: 'Income', Type: 'Indicator' },
  { Level: 2, iCode: 'Health', Direction: 1, Weight: 1, Parent: 'HDI', Type: 'Aggregate' },
  { Level: 2, iCode: 'Education', Direction: 1, Weight: 1, Parent: 'HDI', Type: 'Aggregate' },
  { Level: 2, iCode: 'Income', Direction: 1, Weight: 1, Parent: 'HDI', Type: 'Aggregate' },
  { Level: 3, iCode: 'HDI', Direction: 1, Weight: 1, Parent: 'NA', Type: 'Aggregate' },
];

describe('Human Development Index 2022', () => {
  test('there are many countries with complete data', () => {
    expect(countries.length).toBeGreaterThan(180);
  });

  test('every country with complete 2022 data is reproduced to the published three decimals', () => {
    const data = countries.map((r) => ({ uCode: r['iso3'], le: r['le_2022'], eys: r['eys_2022'], mys: r['mys_2022'], gni: r['gnipc_2022'] }));
    const fw = buildFramework(data, meta);
    const coin = runRecipe(fw, parseRecipe({
      steps: [
        { op: 'transform', fn: 'ln', indicators: ['gni'] },
        { op: 'normalise', method: 'goalposts', goalposts: { le: [20, 85, 1], eys: [0, 18, 1], mys: [0, 15, 1], gni: [Math.log(100), Math.log(75000), 1] } },
        { op: 'aggregate', method: { 2: 'arithmetic', 3: 'geometric' } },
      ],
    }));
    const ds = getDataSet(coin, 'Aggregated');
    const hdi = ds.columns[ds.iCodes.indexOf('HDI')]!;
    const mismatches = countries
      .map((r, i) => ({ iso3: r['iso3'], want: Number(r['hdi_2022']), got: Math.round(hdi[i]! * 1000) / 1000 }))
      .filter((x) => Math.abs(x.got - x.want) > 1e-9);
    expect(mismatches).toEqual([]);
  });
});
