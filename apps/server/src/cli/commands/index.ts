// Every sub-command of `kechuang`, one file each. Add a line here when you add a command file.
import type { Command } from 'commander';

type CommandRegistrar = (program: Command) => void;

const registrars: CommandRegistrar[] = [];

export function registerCommands(program: Command): void {
  for (const register of registrars) register(program);
}
