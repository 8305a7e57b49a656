// The CSL abstracts file (real Chinese paper titles, abstracts, fields and keywords) that the market benchmarks
// mix into their corpus when CSL_ACHIEVEMENTS_CSV names it; read at run time, never copied into the repository.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';

export type CslRecord = { title: string; summary: string; field: string; keywords: string[] };

/** The records of CSL_ACHIEVEMENTS_CSV, or none when it is not set. */
export function readCslRecords(): CslRecord[] {
  const file = process.env.CSL_ACHIEVEMENTS_CSV;
  if (!file) return [];
  return (parse(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[])
    .map((r) => ({ title: r.title!, summary: r.summary!, field: r.field!, keywords: r.keywords!.split(';') }));
}
