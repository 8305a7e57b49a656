// The index commands run in-process on the ASEM example and must agree with the engine called directly.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildFramework, getDataSet, parseRecipe, runRecipe, scoreTable, type Row } from '@kechuang/composite';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { registerIndexCommand } from './index-command.ts';

const testData = (name: string): string => fileURLToPath(new URL(`../../../../../packages/composite/test-data/${name}`, import.meta.url));
const recipeJson = {
  steps: [
    { op: 'denominate' },
    { op: 'impute', method: 'groupMean', group: 'EurAsia_group' },
    { op: 'screen', minAvailability: 0.9 },
    { op: 'treat', from: 'Screened' },
    { op: 'normalise', method: 'minmax', range: [0, 100] },
    { op: 'aggregate', method: 'arithmetic' },
  ],
};

async function run(args: string[]): Promise<void> {
  const program = new Command('kechuang').exitOverride();
  registerIndexCommand(program);
  await program.parseAsync(['node', 'kechuang', ...args]);
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kechuang-index-'));
  await writeFile(join(dir, 'recipe.json'), JSON.stringify(recipeJson));
});

function engine() {
  const rows = (f: string): Row[] => parse(readFileSync(testData(f), 'utf8'), { columns: true, bom: true }) as Row[];
  const fw = buildFramework(rows('ASEM_iData.csv'), rows('ASEM_iMeta.csv'));
  const coin = runRecipe(fw, parseRecipe(recipeJson));
  return { fw, coin };
}

describe('kechuang index', () => {
  test('compute writes uCode, every aggregate and Rank, equal to the engine', async () => {
    const out = join(dir, 'out.csv');
    await run(['index', 'compute', '--data', testData('ASEM_iData.csv'), '--meta', testData('ASEM_iMeta.csv'), '--recipe', join(dir, 'recipe.json'), '--out', out]);
    const rows = parse(await readFile(out, 'utf8'), { columns: true }) as Record<string, string>[];
    const { fw, coin } = engine();
    const st = scoreTable(fw, getDataSet(coin, 'Aggregated'));
    expect(Object.keys(rows[0]!)).toEqual(['uCode', ...st.codes, 'Rank']);
    rows.forEach((r, i) => {
      expect(r['uCode']).toBe(st.uCodes[i]);
      expect(Number(r['Index'])).toBe(st.scores['Index']![i]);
      expect(Number(r['Rank'])).toBe(st.ranks['Index']![i]);
    });
    expect(rows.find((r) => r['uCode'] === 'CHE')!['Rank']).toBe('1');
  });

  test('compute --dataset writes the named data set', async () => {
    const out = join(dir, 'norm.csv');
    await run(['index', 'compute', '--data', testData('ASEM_iData.csv'), '--meta', testData('ASEM_iMeta.csv'), '--recipe', join(dir, 'recipe.json'), '--out', out, '--dataset', 'Normalised']);
    const rows = parse(await readFile(out, 'utf8'), { columns: true }) as Record<string, string>[];
    const ds = getDataSet(engine().coin, 'Normalised');
    expect(Object.keys(rows[0]!)).toEqual(['uCode', ...ds.iCodes]);
    expect(Number(rows[3]!['LPI'])).toBe(ds.columns[0]![3]);
  });

  test('a bad recipe key fails with code, field and both languages', async () => {
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ steps: [{ op: 'normalise', metod: 'minmax' }] }));
    await expect(run(['index', 'compute', '--data', testData('ASEM_iData.csv'), '--meta', testData('ASEM_iMeta.csv'), '--recipe', join(dir, 'bad.json'), '--out', join(dir, 'x.csv')]))
      .rejects.toThrow(/\[bad_recipe_key\] steps\[0\]\.metod: .*不接受.* \/ Step "normalise" does not take key "metod"/);
  });

  test('sensitivity writes rank statistics and indices, repeatable from the seed', async () => {
    await writeFile(join(dir, 'spec.json'), JSON.stringify({
      inputs: [
        { name: 'Weights', step: 'aggregate', weightNoise: { 2: 0.25 } },
        { name: 'Treatment', step: 'treat', alternatives: [{ skip: false }, { skip: true }] },
      ],
    }));
    const args = (out: string) => ['index', 'sensitivity', '--data', testData('ASEM_iData.csv'), '--meta', testData('ASEM_iMeta.csv'),
      '--recipe', join(dir, 'recipe.json'), '--spec', join(dir, 'spec.json'), '--n', '10', '--seed', '5', '--out', out];
    await run(args(join(dir, 's1.json')));
    await run(args(join(dir, 's2.json')));
    const a = JSON.parse(await readFile(join(dir, 's1.json'), 'utf8')) as { runs: number; rankStats: unknown[]; sensitivity: { input: string }[] };
    expect(a.runs).toBe(40);
    expect(a.rankStats).toHaveLength(51);
    expect(a.sensitivity.map((s) => s.input)).toEqual(['Weights', 'Treatment']);
    expect(await readFile(join(dir, 's2.json'), 'utf8')).toBe(await readFile(join(dir, 's1.json'), 'utf8'));
  });

  test('the installed kechuang command runs index compute', async () => {
    const bin = fileURLToPath(new URL('../../../bin/kechuang.js', import.meta.url));
    const out = join(dir, 'spawned.csv');
    await promisify(execFile)(process.execPath, [bin, 'index', 'compute', '--data', testData('ASEM_iData.csv'), '--meta', testData('ASEM_iMeta.csv'), '--recipe', join(dir, 'recipe.json'), '--out', out]);
    const rows = parse(await readFile(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(51);
    expect(rows.find((r) => r['uCode'] === 'IND')!['Rank']).toBe('45');
  }, 60_000);
});
