// The demo city's registry and a first evaluation run, so the pools and the 双倍增 board have content on the
// first start. Called once from the demo loader.
import { poolOf, type Db } from '../platform/database/open-database.ts';
import { SYSTEM_ACTOR } from '../platform/auth/actor.ts';
import { loadRegistryDemo } from '../registry/demo/load-registry-demo.ts';
import { runEvaluation } from './runs/run-evaluation.ts';

export async function loadCultivationDemo(db: Db, regionCode: string): Promise<void> {
  const pool = poolOf(db);
  const { enterprises } = await loadRegistryDemo(pool, regionCode);
  if (enterprises > 0) await runEvaluation({ pool }, { regionCode, asOf: new Date().toISOString().slice(0, 10), trigger: 'cli', actor: SYSTEM_ACTOR });
}
