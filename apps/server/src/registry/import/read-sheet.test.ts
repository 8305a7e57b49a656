import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readSheet, utf8Chunks } from './read-sheet.ts';

describe('reading .xlsx', () => {
  test('Chinese text survives however the decompressed XML is chunked (shared and inline strings)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kc-xlsx-'));
    const names = Array.from({ length: 6000 }, (_, i) => `洛阳高新技术产业开发区先进制造与自动化研究院第${i}号分公司`);
    for (const useSharedStrings of [true, false]) {
      const file = path.join(dir, `zh-${useSharedStrings}.xlsx`);
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
      const ws = wb.addWorksheet('s');
      for (const n of names) ws.addRow([n, '电子显示材料']).commit();
      ws.commit();
      await wb.commit();
      const seen: string[] = [];
      for await (const r of readSheet(file, 'xlsx').rows) {
        seen.push(r.values[0]!);
        expect(r.values[1]).toBe('电子显示材料');
      }
      expect(seen).toEqual(names);
    }
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('utf8Chunks never cuts a character, whatever the chunking', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', '洛', 'é', '😀'), maxLength: 40 }), fc.integer({ min: 1, max: 7 }), async (s, size) => {
      const bytes = Buffer.from(s);
      const parts = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
      let text = '';
      for await (const c of utf8Chunks(Readable.from(parts))) text += c.toString('utf8'); // each chunk decoded alone, as exceljs does
      expect(text).toBe(s);
    }));
  });
});
