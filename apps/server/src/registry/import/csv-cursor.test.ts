import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CsvCursor, LINE, MORE } from './csv-cursor.ts';
import { CsvSyntaxError, parseCsv } from './parse-csv.ts';

type Row = { rowNumber: number; values: string[]; line: boolean };

function cursorRows(bytes: Buffer, chunk: number): Row[] {
  const cursor = new CsvCursor();
  const out: Row[] = [];
  const take = (final: boolean) => {
    for (let k = cursor.next(final); k !== MORE; k = cursor.next(final)) {
      out.push(k === LINE
        ? { rowNumber: cursor.rowNumber, values: cursor.buf.toString('utf8', cursor.start, cursor.end).split(','), line: true }
        : { rowNumber: cursor.rowNumber, values: cursor.values, line: false });
    }
  };
  for (let i = 0; i < bytes.length; i += chunk) { cursor.feed(bytes.subarray(i, i + chunk)); take(false); }
  take(true);
  return out;
}

async function parsedRows(bytes: Buffer, chunk: number): Promise<{ rowNumber: number; values: string[] }[]> {
  const parts = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
  const out = [];
  for await (const r of parseCsv(Readable.from(parts))) out.push(r);
  return out;
}

const plain = (rows: Row[]) => rows.map(({ rowNumber, values }) => ({ rowNumber, values }));

describe('the byte-level CSV cursor', () => {
  test('lines without quotes come as byte ranges; quoted records, BOM, CRLF, empty lines as parse-csv reads them', () => {
    const bytes = Buffer.from('\uFEFFa,b,c\r\n1,"x, y","he said ""hi"""\r\n\r\n2,"two\nlines",z\n3,,\n洛阳,4', 'utf8');
    const rows = cursorRows(bytes, 5);
    expect(rows).toEqual([
      { rowNumber: 1, values: ['a', 'b', 'c'], line: true },
      { rowNumber: 2, values: ['1', 'x, y', 'he said "hi"'], line: false },
      { rowNumber: 4, values: ['2', 'two\nlines', 'z'], line: false },
      { rowNumber: 6, values: ['3', '', ''], line: true },
      { rowNumber: 7, values: ['洛阳', '4'], line: true },
    ]);
  });

  test('an unclosed quote is a syntax error; bytes that are not UTF-8 come decoded as parse-csv decodes them', async () => {
    expect(() => cursorRows(Buffer.from('a,"b\n'), 3)).toThrow(CsvSyntaxError);
    const bad = Buffer.concat([Buffer.from('a,b\nx'), Buffer.from([0xff, 0xe6, 0x97]), Buffer.from(',y\n')]);
    expect(plain(cursorRows(bad, 4))).toEqual(await parsedRows(bad, 4));
    expect(cursorRows(bad, 4)[1]!.line).toBe(false);
  });

  test('agrees with parseCsv on arbitrary text, whatever the chunk size', async () => {
    const unit = fc.constantFrom('a', '洛', ',', '"', '""', '\n', '\r\n', '\r', ' ', '1');
    await fc.assert(fc.asyncProperty(fc.array(unit, { maxLength: 60 }), fc.integer({ min: 1, max: 24 }), fc.boolean(), async (units, chunk, bom) => {
      const text = (bom ? '\uFEFF' : '') + units.join('');
      const bytes = Buffer.from(text, 'utf8');
      let expected: { rowNumber: number; values: string[] }[] | 'syntax';
      try { expected = await parsedRows(bytes, chunk); } catch (e) { if (!(e instanceof CsvSyntaxError)) throw e; expected = 'syntax'; }
      if (expected === 'syntax') expect(() => cursorRows(bytes, chunk)).toThrow(CsvSyntaxError);
      else expect(plain(cursorRows(bytes, chunk))).toEqual(expected);
    }), { numRuns: 1000 });
  });
});
