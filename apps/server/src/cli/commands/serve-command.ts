// `kechuang serve`: database (embedded unless DATABASE_URL), migrations, demo city on first start, HTTP.
import type { Command } from 'commander';
import { readConfig } from '../../platform/config.ts';
import { startPlatform } from '../../platform/start-platform.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('启动平台 / start the platform (web app + API) on PORT (default 3000)')
    .option('-p, --port <port>', 'HTTP port (env PORT)')
    .option('--host <host>', 'listen address (env HOST)')
    .option('--no-demo', 'do not load the demo city into an empty database')
    .action(async (opts: { port?: string; host?: string; demo: boolean }) => {
      const config = readConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}), ...(opts.host ? { HOST: opts.host } : {}) });
      const platform = await startPlatform(config, { loadDemoIfEmpty: opts.demo });
      const shutdown = (signal: string) => {
        platform.app.log.info({ signal }, 'shutting down');
        platform.stop().then(() => process.exit(0), (err: unknown) => {
          process.stderr.write(`shutdown failed: ${String(err)}\n`);
          process.exit(1);
        });
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });
}
