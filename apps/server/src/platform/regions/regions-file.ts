import { parse } from 'csv-parse/sync';

// GB/T 2260 行政区划代码 reference data, as shipped in apps/server/data/regions.csv.

export type RegionLevel = 'province' | 'city' | 'district';

export type Region = {
  code: string;
  name: string;
  nameEn: string;
  level: RegionLevel;
  parentCode: string | null;
};

export const REGIONS_CSV_HEADER = ['code', 'name', 'name_en', 'level', 'parent_code'] as const;

/** Where the shipped data file lives (resolved from this module, so it works from any working directory). */
export const REGIONS_FILE_URL = new URL('../../../data/regions.csv', import.meta.url);

export class RegionsFileError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`regions.csv line ${line}: ${message}`);
    this.name = 'RegionsFileError';
    this.line = line;
  }
}

const LEVELS: readonly RegionLevel[] = ['province', 'city', 'district'];
const SIX_DIGITS = /^\d{6}$/;
// Pinyin with spaces, apostrophes (Xi'an) and hyphens; no Chinese, no stray punctuation.
const ENGLISH_NAME = /^[A-Z][A-Za-z' -]*[a-z]$/;
const CHINESE_NAME = /^[\u4e00-\u9fff]+$/;

function isLevel(value: string): value is RegionLevel {
  return (LEVELS as readonly string[]).includes(value);
}

/** The parent codes GB/T 2260's structure allows for a code at a level. */
function allowedParents(code: string, level: RegionLevel): string[] {
  const province = `${code.slice(0, 2)}0000`;
  if (level === 'province') return [];
  if (level === 'city') return [province];
  // County-level divisions sit under their prefecture (AABB00); those administered directly by the province
  // (省直辖县级行政区划, middle digits 90, e.g. 429004 仙桃市) sit under the province itself.
  return code.slice(2, 4) === '90' ? [province] : [`${code.slice(0, 4)}00`];
}

function shapeOfCode(code: string, level: RegionLevel): boolean {
  if (level === 'province') return code.endsWith('0000');
  if (level === 'city') {
    // A prefecture ends in 00; a directly administered county-level city listed as a city (济源 419001) has 90.
    return (!code.endsWith('0000') && code.endsWith('00')) || code.slice(2, 4) === '90';
  }
  return !code.endsWith('00');
}

/**
 * Parse and validate the regions CSV. Every row is checked (code shape per level, names, parent present in the
 * file, at the level above, and consistent with the code's prefix); the first problem throws RegionsFileError
 * naming the line.
 */
export function parseRegionsCsv(text: string): Region[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw new RegionsFileError(0, `not valid CSV (${(error as Error).message})`);
  }
  const [header, ...rows] = records;
  if (!header || header.join(',') !== REGIONS_CSV_HEADER.join(',')) {
    throw new RegionsFileError(1, `header must be "${REGIONS_CSV_HEADER.join(',')}"`);
  }

  const regions: Region[] = [];
  const byCode = new Map<string, { region: Region; line: number }>();
  rows.forEach((row, index) => {
    const line = index + 2;
    if (row.length !== REGIONS_CSV_HEADER.length) {
      throw new RegionsFileError(line, `expected ${REGIONS_CSV_HEADER.length} fields, found ${row.length}`);
    }
    const [code, name, nameEn, level, parent] = row.map((field) => field.trim()) as [string, string, string, string, string];
    if (!SIX_DIGITS.test(code)) throw new RegionsFileError(line, `code "${code}" is not 6 digits`);
    if (byCode.has(code)) throw new RegionsFileError(line, `code ${code} repeats line ${byCode.get(code)?.line}`);
    if (!CHINESE_NAME.test(name)) throw new RegionsFileError(line, `name "${name}" must be Chinese characters`);
    if (!ENGLISH_NAME.test(nameEn)) throw new RegionsFileError(line, `name_en "${nameEn}" is not a pinyin/English name`);
    if (!isLevel(level)) throw new RegionsFileError(line, `level "${level}" is not one of ${LEVELS.join(', ')}`);
    if (!shapeOfCode(code, level)) throw new RegionsFileError(line, `code ${code} does not have the shape of a ${level}`);
    const expectedParents = allowedParents(code, level);
    if (level === 'province' ? parent !== '' : !expectedParents.includes(parent)) {
      const want = expectedParents.length === 0 ? 'empty' : expectedParents.join(' or ');
      throw new RegionsFileError(line, `parent_code of ${code} must be ${want}, found "${parent}"`);
    }
    const region: Region = { code, name, nameEn, level, parentCode: parent === '' ? null : parent };
    regions.push(region);
    byCode.set(code, { region, line });
  });

  // Parents may appear anywhere in the file, so check them once all rows are known.
  for (const { region, line } of byCode.values()) {
    if (region.parentCode === null) continue;
    const parent = byCode.get(region.parentCode)?.region;
    if (!parent) throw new RegionsFileError(line, `parent ${region.parentCode} of ${region.code} is not in the file`);
    const wanted: RegionLevel = region.level === 'city' || region.parentCode.endsWith('0000') ? 'province' : 'city';
    if (parent.level !== wanted) {
      throw new RegionsFileError(line, `parent ${parent.code} of ${region.code} is a ${parent.level}, expected a ${wanted}`);
    }
  }
  return regions;
}
