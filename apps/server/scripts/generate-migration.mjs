// Generates the next SQL migration of one module from its schema files: `npm run db:generate -- <module> <name>`
// (add `--custom` for an empty file to write by hand, e.g. triggers).
import { execFileSync } from 'node:child_process';

const [moduleName, name, ...rest] = process.argv.slice(2);
if (!moduleName || !name) {
  process.stderr.write('usage: npm run db:generate -w @kechuang/server -- <module> <migration_name> [--custom]\n');
  process.exit(2);
}
execFileSync('npx', ['drizzle-kit', 'generate', '--name', name, ...rest], {
  stdio: 'inherit',
  env: { ...process.env, KC_MIGRATION_MODULE: moduleName },
});
