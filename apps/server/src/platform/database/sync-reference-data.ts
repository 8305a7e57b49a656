// Reference tables ship with the code (GB/T 2260 regions, the indicator catalogue) and are brought up
// to date after every migration: insert new rows, update changed ones, never delete.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from './open-database.ts';
import { parseRegionsCsv, REGIONS_FILE_URL } from '../regions/regions-file.ts';
import { regions } from '../schema.ts';
import { indicators } from '../../monitoring/schema.ts';
import { INDICATOR_CATALOGUE } from '../../monitoring/indicator-catalogue.ts';

export async function syncReferenceData(db: Db): Promise<{ regions: number; indicators: number }> {
  const regionRows = parseRegionsCsv(fs.readFileSync(REGIONS_FILE_URL, 'utf8'));
  await db.transaction(async (tx) => {
    for (let i = 0; i < regionRows.length; i += 500) {
      await tx.insert(regions).values(regionRows.slice(i, i + 500)).onConflictDoUpdate({
        target: regions.code,
        set: { name: sql`excluded.name`, nameEn: sql`excluded.name_en`, level: sql`excluded.level`, parentCode: sql`excluded.parent_code` },
      });
    }
    await tx.insert(indicators).values(INDICATOR_CATALOGUE).onConflictDoUpdate({
      target: indicators.code,
      set: {
        nameZh: sql`excluded.name_zh`, nameEn: sql`excluded.name_en`, unit: sql`excluded.unit`, unitEn: sql`excluded.unit_en`,
        direction: sql`excluded.direction`, definitionZh: sql`excluded.definition_zh`, definitionEn: sql`excluded.definition_en`,
        source: sql`excluded.source`, formula: sql`excluded.formula`,
      },
    });
  });
  return { regions: regionRows.length, indicators: INDICATOR_CATALOGUE.length };
}
