import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CsvSyntaxError, parseCsv } from './parse-csv.ts';

async function rows(text: string, chunk = 7): Promise<{ rowNumber: number; values: string[] }[]> {
  const parts = Array.from({ length: Math.ceil(text.length / chunk) }, (_, i) => Buffer.from(text.slice(i * chunk, (i + 1) * chunk)));
  const out = [];
  for await (const r of parseCsv(Readable.from(parts))) out.push(r);
  return out;
}

describe('the CSV reader', () => {
  test('quoted fields with commas, quotes and line breaks; CRLF; BOM; empty lines skipped; rows numbered by line', async () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","he said ""hi"""\r\n\r\n2,"two\nlines",z\n3,,\n';
    expect(await rows(text)).toEqual([
      { rowNumber: 1, values: ['a', 'b', 'c'] },
      { rowNumber: 2, values: ['1', 'x, y', 'he said "hi"'] },
      { rowNumber: 4, values: ['2', 'two\nlines', 'z'] },
      { rowNumber: 6, values: ['3', '', ''] },
    ]);
  });

  test('a multi-byte character split across chunks is decoded whole', async () => {
    expect((await rows('名称,数值\n洛阳轴承,1\n', 1)).map((r) => r.values)).toEqual([['名称', '数值'], ['洛阳轴承', '1']]);
  });

  test('an unclosed quote is a syntax error', async () => {
    await expect(rows('a,"b\n')).rejects.toBeInstanceOf(CsvSyntaxError);
  });

  test('agrees with csv-parse on arbitrary tables, whatever the chunk size', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '洛', ',', '"', '\n', ' ', '1'), maxLength: 6 });
    await fc.assert(fc.asyncProperty(
      fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 20 }), fc.boolean(),
      async (table, chunk, crlf) => {
        const quote = (v: string) => (/[",\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v);
        const text = table.map((r) => r.map(quote).join(',')).join(crlf ? '\r\n' : '\n');
        const expected = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
        expect((await rows(text, chunk)).map((r) => r.values)).toEqual(expected);
      }), { numRuns: 300 });
  });
});
