// A whole-city evaluation run: ENTERPRISES (100,000) generated enterprises (the demo generator: three fiscal
// years, IP, certificate histories, honours, platforms) loaded into a fresh database, then `runEvaluation`
// reads them, evaluates every rule pack in force, and stores each input and each rule's result with the pack
// version, and refills the pools. Reports the load time and the run time with its phases.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/registry-evaluation.ts
import pg from 'pg';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/auth/actor.ts';
import { openDatabase } from '../apps/server/src/platform/database/open-database.ts';
import { prepareDatabase } from '../apps/server/src/platform/database/prepare-database.ts';
import { loadRegistryDemo } from '../apps/server/src/registry/demo/load-registry-demo.ts';
import { runEvaluation } from '../apps/server/src/cultivation/runs/run-evaluation.ts';

const ENTERPRISES = Number(process.env.ENTERPRISES ?? 100_000);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'kc_bench_registry_eval';
const REGION = '410300';

function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try { await c.query(text); } finally { await c.end(); }
}

async function main(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB_NAME}`);
  const database = await openDatabase({ databaseUrl: withDb(ADMIN_URL, DB_NAME), dataDir: '', poolSize: 8 });
  try {
    await prepareDatabase(database);
    const l0 = performance.now();
    await loadRegistryDemo(database.pool, REGION, new Date().toISOString().slice(0, 10), ENTERPRISES);
    const loadS = (performance.now() - l0) / 1000;
    const counts = (await database.pool.query<{ e: string; f: string; c: string }>(
      'SELECT (SELECT count(*) FROM registry_enterprises) AS e, (SELECT count(*) FROM registry_fiscal_years) AS f, (SELECT count(*) FROM registry_certificates) AS c')).rows[0]!;
    console.log(`PostgreSQL ${database.serverVersion}; loaded ${counts.e} enterprises, ${counts.f} fiscal years, ${counts.c} certificates in ${loadS.toFixed(1)} s`);
    for (const label of ['first run', 'second run']) {
      const t0 = performance.now();
      const s = await runEvaluation(database, { regionCode: REGION, asOf: new Date().toISOString().slice(0, 10), trigger: 'cli', actor: SYSTEM_ACTOR });
      const runS = (performance.now() - t0) / 1000;
      console.log(`${label}: ${s.enterprises.toLocaleString()} enterprises, ${s.results.toLocaleString()} results stored (${Object.keys(s.ruleVersions).length} rules), ` +
        `${s.poolAdditions} pool additions in ${runS.toFixed(1)} s = ${Math.round(s.enterprises / runS).toLocaleString()} enterprises/s`);
    }
  } finally {
    await database.close();
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  }
}

await main();
