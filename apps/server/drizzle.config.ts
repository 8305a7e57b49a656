import { defineConfig } from 'drizzle-kit';

// Each top-level module folder of src/ owns its migration history: drizzle/<module>/, generated from
// src/<module>/**/schema.ts, applied in order platform first, then the others alphabetically (see
// src/platform/database/migrate.ts). Modules evolve without renumbering each other's migrations.
//   npm run db:generate -w @kechuang/server -- <module> <migration_name>
const moduleName = process.env.KC_MIGRATION_MODULE;
if (!moduleName || !/^[a-z][a-z0-9-]*$/.test(moduleName)) {
  throw new Error('set KC_MIGRATION_MODULE to the module folder name, e.g. KC_MIGRATION_MODULE=platform');
}

export default defineConfig({
  dialect: 'postgresql',
  schema: [`./src/${moduleName}/**/schema.ts`],
  out: `./drizzle/${moduleName}`,
});
