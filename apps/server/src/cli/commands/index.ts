// Every sub-command of `kechuang`, one file each. Add a line here when you add a command file.
import type { Command } from 'commander';
import { registerDatabaseCommands } from './database-commands.ts';
import { registerEvaluateCommand } from './evaluate-command.ts';
import { registerIndexCommand } from './index-command.ts';
import { registerMonitoringCommand } from './monitoring-command.ts';
import { registerMarketCommands } from './market-commands.ts';
import { registerServeCommand } from './serve-command.ts';
import { registerRegistryCommands } from './registry-commands.ts';

type CommandRegistrar = (program: Command) => void;

const registrars: CommandRegistrar[] = [
  registerRegistryCommands,
  registerServeCommand,
  registerDatabaseCommands,
  registerIndexCommand,
  registerMonitoringCommand,
  registerEvaluateCommand,
  registerMarketCommands,
];

export function registerCommands(program: Command): void {
  for (const register of registrars) register(program);
}
