import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';
import { notFound } from '../../platform/errors/domain-error.ts';
import { indexFrameworks } from '../schema.ts';

export type FrameworkRow = typeof indexFrameworks.$inferSelect;

export async function listFrameworks(db: Db, regionCode: string): Promise<FrameworkRow[]> {
  return db.select().from(indexFrameworks).where(eq(indexFrameworks.regionCode, regionCode)).orderBy(asc(indexFrameworks.code));
}

export async function getFramework(db: Db, regionCode: string, code: string): Promise<FrameworkRow> {
  const row = (await db.select().from(indexFrameworks).where(and(eq(indexFrameworks.regionCode, regionCode), eq(indexFrameworks.code, code))).limit(1))[0];
  if (!row) throw notFound({ zh: `指数框架 ${code}`, en: `Index framework ${code}` });
  return row;
}
