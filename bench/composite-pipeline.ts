// Composite engine timings: the ASEM example (51 × 49, 4 levels) and a synthetic 3,000 × 200 × 4-level index.
// Run: node --import tsx bench/composite-pipeline.ts
import { readFileSync } from 'node:fs';
import { buildFramework, parseRecipe, runRecipe, type Row } from '@kechuang/composite';
import { parse } from 'csv-parse/sync';

const rows = (f: string): Row[] =>
  parse(readFileSync(new URL(`../packages/composite/test-data/${f}`, import.meta.url), 'utf8'), { columns: true, bom: true }) as Row[];

const recipe = parseRecipe({
  steps: [
    { op: 'denominate' },
    { op: 'impute', method: 'groupMean', group: 'EurAsia_group' },
    { op: 'screen', minAvailability: 0.9 },
    { op: 'treat', from: 'Screened' },
    { op: 'normalise', method: 'minmax', range: [0, 100] },
    { op: 'aggregate', method: 'arithmetic' },
  ],
});

function time(label: string, reps: number, f: () => void): void {
  for (let i = 0; i < Math.min(5, reps); i++) f(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  console.log(`${label}: median ${ts[Math.floor(reps / 2)]!.toFixed(2)} ms, min ${ts[0]!.toFixed(2)} ms, max ${ts[reps - 1]!.toFixed(2)} ms (${reps} runs)`);
}

// ASEM: includes framework build (parsing the tables' cells) and the six steps
const data = rows('ASEM_iData.csv');
const meta = rows('ASEM_iMeta.csv');
time('ASEM full pipeline (build + 6 steps)', 200, () => {
  runRecipe(buildFramework(data, meta), recipe);
});

// Synthetic: 3,000 units × 200 indicators, 20 pillars of 10, 4 sub-indices of 5 pillars, 1 index; skewed values, 2% missing
let seed = 12345;
const rand = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 4294967296;
};
const nU = 3000;
const nI = 200;
const bigMeta: Row[] = [];
for (let i = 0; i < nI; i++) bigMeta.push({ Level: 1, iCode: `i${i}`, Direction: i % 7 === 0 ? -1 : 1, Weight: 1, Parent: `p${Math.floor(i / 10)}`, Type: 'Indicator' });
for (let p = 0; p < 20; p++) bigMeta.push({ Level: 2, iCode: `p${p}`, Direction: 1, Weight: 1, Parent: `s${Math.floor(p / 5)}`, Type: 'Aggregate' });
for (let s = 0; s < 4; s++) bigMeta.push({ Level: 3, iCode: `s${s}`, Direction: 1, Weight: 1, Parent: 'Index', Type: 'Aggregate' });
bigMeta.push({ Level: 4, iCode: 'Index', Direction: 1, Weight: 1, Parent: null, Type: 'Aggregate' });
const bigData: Row[] = [];
for (let u = 0; u < nU; u++) {
  const r: Record<string, number | null | string> = { uCode: `U${u}`, Region_group: `R${u % 10}` };
  for (let i = 0; i < nI; i++) r[`i${i}`] = rand() < 0.02 ? null : Math.exp(3 * rand()) * (i % 3 === 0 ? 10 * rand() : 1);
  bigData.push(r);
}
const bigRecipe = parseRecipe({
  steps: [
    { op: 'impute', method: 'groupMean', group: 'Region_group' },
    { op: 'screen', minAvailability: 0.9 },
    { op: 'treat' },
    { op: 'normalise', method: 'minmax', range: [0, 100] },
    { op: 'aggregate', method: 'arithmetic' },
  ],
});
time('3,000 × 200 × 4 levels, build + 5 steps', 10, () => {
  runRecipe(buildFramework(bigData, bigMeta), bigRecipe);
});
const fw = buildFramework(bigData, bigMeta);
time('3,000 × 200 × 4 levels, 5 steps on a built framework', 10, () => {
  runRecipe(fw, bigRecipe);
});
