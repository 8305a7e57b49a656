// Writes test-data/golden-digest.txt from the engine as it is now. Run ONLY when a rule change is intended
// (and say so in the commit): the fixture's whole point is that a speed-up cannot change it.
// Run: node --import tsx packages/qualifications/src/golden/write-golden-digest.ts
import { writeFileSync } from 'node:fs';
import { GOLDEN_COUNT, GOLDEN_DATES, GOLDEN_SEED, goldenEntries } from './golden-digest.ts';

const entries = goldenEntries();
const lines = entries.map((e) => `${e.id} ${e.outcomes} ${e.decisions} ${e.output}`);
const file = new URL('../../test-data/golden-digest.txt', import.meta.url);
writeFileSync(file, `# golden digest: seed ${GOLDEN_SEED}, ${GOLDEN_COUNT} profiles, dates ${GOLDEN_DATES.map((d) => d ?? 'own').join(',')}\n# id outcomes(per date, q/n/u per rule) decisions-hash output-hash\n${lines.join('\n')}\n`);
console.log(`wrote ${entries.length} entries`);
