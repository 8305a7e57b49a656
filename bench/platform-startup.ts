// `npm start` to healthy: first start (initdb, migrations, demo city) and restart on an existing data
// directory. Budget (issue 2): ≤ 15 s and ≤ 3 s. Run: node --import tsx bench/platform-startup.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, startServer } from './platform-server.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const first: number[] = [];
const again: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-start-'));
  const env = { DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  const fresh = await startServer(env);
  first.push(fresh.msToHealthy);
  await fresh.stop();
  const restart = await startServer(env);
  again.push(restart.msToHealthy);
  await restart.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(JSON.stringify({ runs: RUNS, firstStartMedian: fmt(median(first)), firstStart: first.map(fmt), restartMedian: fmt(median(again)), restart: again.map(fmt) }, null, 2));
