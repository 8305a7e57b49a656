// Starts the whole platform in this process and returns how to stop it (used by `serve`, tests and benches).
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './database/open-database.ts';
import { prepareDatabase } from './database/prepare-database.ts';
import { buildApp } from './http/build-app.ts';
import { isDatabaseEmpty, loadDemo } from '../demo/load-demo.ts';
import { deleteExpiredSessions } from './auth/sessions.ts';

export type RunningPlatform = { app: FastifyInstance; database: Database; url: string; stop(): Promise<void> };

export async function startPlatform(
  config: Config,
  options: { loadDemoIfEmpty: boolean; logger?: boolean; webDistDir?: string },
): Promise<RunningPlatform> {
  const started = Date.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database);
    if (options.loadDemoIfEmpty && (await isDatabaseEmpty(database.db))) await loadDemo(database.db);
    const app = await buildApp({ config, database }, { logger: options.logger, webDistDir: options.webDistDir });
    const url = await app.listen({ port: config.port, host: config.host });
    app.log.info({ url, database: database.kind, serverVersion: database.serverVersion, startupMs: Date.now() - started }, 'kechuang is ready');
    // Expired sessions are refused at once; this only keeps the table small.
    const sweeper = setInterval(() => void deleteExpiredSessions(database.pool).catch((err: unknown) => app.log.warn({ err }, 'session sweep failed')), 3_600_000);
    sweeper.unref();
    let stopping: Promise<void> | undefined;
    return {
      app,
      database,
      url,
      stop: () => (stopping ??= (clearInterval(sweeper), app.close().then(() => database.close()))),
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
