// One PostgreSQL for the whole test run: TEST_DATABASE_URL (an external server, e.g. the PostgreSQL 15 of
// CI) or an embedded server in a temporary directory. A migrated template database is made once; every
// test file clones it (CREATE DATABASE … TEMPLATE), so files run in parallel without seeing each other.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedServer, type EmbeddedServer } from '../src/platform/database/embedded-server.ts';
import { openDatabase } from '../src/platform/database/open-database.ts';
import { prepareDatabase } from '../src/platform/database/prepare-database.ts';
import { loadDemo } from '../src/demo/load-demo.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgDemoTemplate: string;
    pgKind: 'embedded' | 'external';
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedServer | undefined;
  let tempDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-test-'));
    embedded = await startEmbeddedServer({ dataDir: tempDir });
    adminUrl = embedded.url;
  }
  // Two templates: migrated only, and migrated with the demo city (loaded once here, not once per file).
  const template = `kc_template_${process.pid}`;
  const demoTemplate = `kc_template_demo_${process.pid}`;
  for (const [name, withDemo] of [[template, false], [demoTemplate, true]] as const) {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    const database = await openDatabase({ databaseUrl: withDatabaseName(adminUrl, name), dataDir: '' });
    try {
      await prepareDatabase(database);
      if (withDemo) await loadDemo(database.db);
    } finally {
      await database.close();
    }
  }

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  project.provide('pgDemoTemplate', demoTemplate);
  project.provide('pgKind', embedded ? 'embedded' : 'external');

  return async () => {
    const leftovers = await adminQuery(adminUrl, `SELECT datname FROM pg_database WHERE datname LIKE 'kc_t_${process.pid}_%'`);
    for (const { datname } of leftovers) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    for (const name of [template, demoTemplate]) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
    await embedded?.stop();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(url: string, text: string): Promise<{ datname: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET client_min_messages = warning');
    return (await client.query<{ datname: string }>(text)).rows;
  } finally {
    await client.end();
  }
}
