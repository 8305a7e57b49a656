// The plain baseline search quality is measured against: every whitespace-separated piece of the query must
// appear (ILIKE '%piece%') in the title, summary or keywords; newest first. No segmentation, no synonyms,
// no ranking — what a first version of such a platform typically does.
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/database/open-database.ts';

export async function ilikeSearch(db: Db, regionCode: string, q: string, limit: number): Promise<string[]> {
  const pieces = q.trim().split(/\s+/).filter((p) => p !== '').map((p) => `%${p.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  if (pieces.length === 0) return [];
  const conditions = pieces.map((p) => sql`(title || ' ' || summary || ' ' || array_to_string(keywords, ' ')) ILIKE ${p}`);
  const res = await db.execute<{ id: string }>(sql`
    SELECT id FROM market_listings WHERE region_code = ${regionCode} AND status = 'published' AND ${sql.join(conditions, sql` AND `)}
    ORDER BY published_at DESC, id LIMIT ${limit}`);
  return res.rows.map((r) => r.id);
}
