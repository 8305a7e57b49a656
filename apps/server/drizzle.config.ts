import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` (run in apps/server) writes the next SQL migration into ./drizzle from the
// schema files; the generated SQL is reviewed and committed, and `kechuang db migrate` applies it.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/**/schema.ts'],
  out: './drizzle',
});
