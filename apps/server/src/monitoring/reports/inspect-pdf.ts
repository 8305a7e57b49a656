// Reads back what a PDF written by pdfkit holds, far enough for tests and the benchmark to check a report:
// header, cross-reference table and trailer, the page tree, the embedded fonts (subset tag, size of the
// font program) and each page's text, decoded through the fonts' ToUnicode maps. Not a general PDF parser:
// no object streams, no incremental updates, flat page tree — which is what pdfkit writes.
import { inflateSync } from 'node:zlib';

export type PdfFont = { resource: string; baseFont: string; subsetTag: string | null; fontFileBytes: number };
export type PdfPage = { text: string; content: string; fonts: string[] };
export type PdfInspection = {
  version: string;
  /** The file ends with %%EOF after a trailer whose startxref points at the cross-reference table. */
  trailerOk: boolean;
  objectCount: number;
  pageCount: number;
  pages: PdfPage[];
  fonts: PdfFont[];
  info: Record<string, string>;
};

type PdfObject = { dict: string; stream: Buffer | null };

export function inspectPdf(file: Buffer): PdfInspection {
  const s = file.toString('latin1');
  const version = /^%PDF-(\d\.\d)/.exec(s)?.[1];
  if (!version) throw new Error('not a PDF: no %PDF- header');
  const tail = s.slice(-1024);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!startxref) throw new Error('no startxref / %%EOF at the end');
  const xrefAt = Number(startxref[1]);
  if (!s.startsWith('xref', xrefAt)) throw new Error(`startxref ${xrefAt} does not point at an xref table`);
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(s.slice(xrefAt))?.[1] ?? '';
  const head = /^xref\s+0\s+(\d+)\s+/.exec(s.slice(xrefAt));
  if (!head) throw new Error('unsupported xref table');
  const count = Number(head[1]);
  const entriesAt = xrefAt + head[0].length;
  const objects = new Map<number, PdfObject>();
  for (let i = 1; i < count; i++) {
    const entry = s.slice(entriesAt + i * 20, entriesAt + i * 20 + 20);
    if (entry[17] !== 'n') continue;
    const offset = Number(entry.slice(0, 10));
    if (!s.startsWith(`${i} 0 obj`, offset)) throw new Error(`xref entry ${i} points at offset ${offset}, which is not object ${i}`);
    objects.set(i, readObject(file, s, offset + `${i} 0 obj`.length));
  }

  const get = (n: number | null): PdfObject => {
    const o = n === null ? undefined : objects.get(n);
    if (!o) throw new Error(`object ${n} missing`);
    return o;
  };
  const root = get(ref(trailer, 'Root'));
  const pagesNode = get(ref(root.dict, 'Pages'));
  const kids = [...(/\/Kids\s*\[([^\]]*)\]/.exec(pagesNode.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

  const fonts = new Map<number, { font: PdfFont; toUnicode: Map<number, string> }>();
  const fontOf = (resource: string, n: number) => {
    const known = fonts.get(n);
    if (known) return known;
    const type0 = get(n).dict;
    const baseFont = /\/BaseFont\s*\/([^\s/>]+)/.exec(type0)?.[1] ?? '';
    const descendant = /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(type0);
    let fontFileBytes = 0;
    if (descendant) {
      const descriptor = get(ref(get(Number(descendant[1])).dict, 'FontDescriptor')).dict;
      const fontFile = ref(descriptor, 'FontFile2') ?? ref(descriptor, 'FontFile3') ?? ref(descriptor, 'FontFile');
      fontFileBytes = fontFile === null ? 0 : (get(fontFile).stream?.length ?? 0);
    }
    const cmap = ref(type0, 'ToUnicode');
    const entry = {
      font: { resource, baseFont, subsetTag: /^([A-Z]{6})\+/.exec(baseFont)?.[1] ?? null, fontFileBytes },
      toUnicode: cmap === null ? new Map<number, string>() : parseToUnicode(get(cmap).stream?.toString('latin1') ?? ''),
    };
    fonts.set(n, entry);
    return entry;
  };

  const pages = kids.map((kid): PdfPage => {
    const page = get(kid);
    const resources = /\/Resources\s*(\d+) 0 R/.exec(page.dict) ? get(ref(page.dict, 'Resources')).dict : page.dict;
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const byResource = new Map([...fontDict.matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)].map((m) => [m[1]!, fontOf(m[1]!, Number(m[2]))]));
    const contentRefs = [...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
    const content = contentRefs.map((c) => get(c).stream?.toString('latin1') ?? '').join('\n');
    return { content, text: decodeText(content, byResource), fonts: [...byResource.values()].map((f) => f.font.baseFont) };
  });

  const infoDict = ref(trailer, 'Info');
  const info: Record<string, string> = {};
  if (infoDict !== null) {
    for (const m of get(infoDict).dict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) info[m[1]!] = pdfString(get(Number(m[2])).dict);
  }
  return {
    version, trailerOk: true, objectCount: objects.size, pageCount: pages.length, pages,
    fonts: [...fonts.values()].map((f) => f.font), info,
  };
}

function ref(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
}

function readObject(file: Buffer, s: string, from: number): PdfObject {
  const end = s.indexOf('endobj', from);
  const body = s.slice(from, end);
  const streamAt = body.search(/>>\s*stream\r?\n/);
  if (streamAt < 0) return { dict: body.trim(), stream: null };
  const dict = body.slice(0, streamAt + 2).trim();
  const dataStart = from + streamAt + /^>>\s*stream\r?\n/.exec(body.slice(streamAt))![0].length;
  const length = Number(/\/Length\s+(\d+)(?!\s+0 R)/.exec(dict)?.[1] ?? NaN);
  if (!Number.isFinite(length)) throw new Error('stream without a direct /Length');
  const raw = file.subarray(dataStart, dataStart + length);
  return { dict, stream: /\/Filter\s*\/FlateDecode/.test(dict) ? inflateSync(raw) : raw };
}

/** bfrange with arrays (what pdfkit writes), bfrange with a start value, and bfchar. */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const start = parseInt(m[1]!, 16);
      const end = parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        [...m[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((v, i) => map.set(start + i, utf16(v[1]!)));
      } else {
        const first = utf16(m[3]!.slice(1, -1));
        for (let c = start; c <= end; c++) map.set(c, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + c - start));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  }
  return map;
}

/** Each BT…ET text object becomes one line of text. */
function decodeText(content: string, fonts: Map<string, { toUnicode: Map<number, string> }>): string {
  const lines: string[] = [];
  let current: Map<number, string> = new Map();
  for (const block of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
    let line = '';
    for (const m of block[1]!.matchAll(/\/([^\s/]+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (m[1]) current = fonts.get(m[1])?.toUnicode ?? new Map();
      const hex = m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]!).join('') : (m[3] ?? '');
      for (const code of hex.match(/.{4}/g) ?? []) line += current.get(parseInt(code, 16)) ?? '\uFFFD';
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** A literal or hex string; UTF-16BE when it starts with a byte-order mark (pdfkit's non-ASCII metadata). */
function pdfString(token: string): string {
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const bytes = token.startsWith('<')
    ? Buffer.from(token.slice(1, -1), 'hex')
    : Buffer.from(token.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => escapes[e] ?? (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e)), 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}
