// Minimal RFC 4180 reader for the test data (quoted fields, doubled quotes); keeps the engine free of I/O deps.
import { readFileSync } from 'node:fs';
import type { Row } from '../src/types.ts';

export function parseCsv(textIn: string): Record<string, string>[] {
  const text = textIn.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [head, ...body] = rows;
  return body.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(head!.map((h, j) => [h, r[j] ?? ''])));
}

export function readCsv(url: URL): Row[] {
  return parseCsv(readFileSync(url, 'utf8'));
}

export const asemData = (): Row[] => readCsv(new URL('../test-data/ASEM_iData.csv', import.meta.url));
export const asemMeta = (): Row[] => readCsv(new URL('../test-data/ASEM_iMeta.csv', import.meta.url));
