// The nightly evaluation run: at 02:00 local time the server evaluates every region that has enterprises.
// The timer is unref'd and cleared when the server closes, so it never keeps a process alive.
import type { FastifyInstance } from 'fastify';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/database/open-database.ts';
import { runEvaluation } from './run-evaluation.ts';

export function msUntilNext(hour: number, now = new Date()): number {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next <= now) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}

export function scheduleNightlyRuns(app: Pick<FastifyInstance, 'addHook'>, database: Database, hour = 2): void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    timer = setTimeout(() => void runAll().finally(arm), msUntilNext(hour));
    timer.unref();
  };
  const runAll = async () => {
    const { rows } = await database.pool.query<{ region_code: string }>('SELECT DISTINCT region_code FROM registry_enterprises').catch(() => ({ rows: [] as { region_code: string }[] }));
    for (const r of rows) {
      await runEvaluation(database, { regionCode: r.region_code, asOf: new Date().toISOString().slice(0, 10), trigger: 'nightly', actor: SYSTEM_ACTOR }).catch(() => undefined);
    }
  };
  arm();
  app.addHook('onClose', async () => { if (timer) clearTimeout(timer); });
}
