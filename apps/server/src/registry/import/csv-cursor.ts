// The import's CSV reader over bytes: the same records as parse-csv.ts (RFC 4180, BOM, CRLF, quoted fields over
// several lines, rows numbered by the line they start on, empty lines skipped), but a line without quotes is
// handed over as a byte range of the file's buffer, not as strings: the reader's fast path (fast-csv-row.ts)
// reads its cells there. Lines with quotes, and lines that are not valid UTF-8, come as strings (`values`),
// decoded like parse-csv.ts decodes them. A property test holds it to parseCsv (csv-cursor.test.ts).
import { isUtf8 } from 'node:buffer';
import { parseRecord } from './parse-csv.ts';

/** What `next` found: a line as a byte range, a record as strings, or nothing until more input comes. */
export const LINE = 1, RECORD = 2, MORE = 0;

const QUOTE = 34, LF = 10, CR = 13;
const WINDOW = 1 << 16;

export class CsvCursor {
  buf: Buffer = Buffer.alloc(0);
  /** LINE: the line's bytes in `buf`, without its line break. */
  start = 0;
  end = 0;
  /** RECORD: its fields. */
  values: string[] = [];
  rowNumber = 0;
  private pos = 0;
  private line = 1;
  private first = true;
  /** Bytes of `buf` before this are known to be valid UTF-8. */
  private validTo = 0;
  /** The next quote at or after `pos` (buf.length if none). */
  private quote = 0;

  feed(chunk: Buffer): void {
    this.buf = this.pos < this.buf.length ? Buffer.concat([this.buf.subarray(this.pos), chunk]) : chunk;
    this.pos = 0;
    const lastLf = this.buf.lastIndexOf(LF);
    this.validTo = lastLf >= 0 && isUtf8(this.buf.subarray(0, lastLf + 1)) ? lastLf + 1 : 0;
    this.findQuote();
  }

  /** The next record; `final` once the input has ended. */
  next(final: boolean): number {
    const buf = this.buf;
    if (this.first) {
      if (buf.length - this.pos < 3 && !final && isBomStart(buf, this.pos)) return MORE;
      if (buf[this.pos] === 0xef && buf[this.pos + 1] === 0xbb && buf[this.pos + 2] === 0xbf) this.pos += 3;
      this.first = false;
    }
    for (;;) {
      const pos = this.pos;
      if (pos >= buf.length) return MORE;
      if (this.quote < pos) this.findQuote();
      const lf = buf.indexOf(LF, pos);
      if (lf < 0 && !final) return MORE;
      const lineEnd = lf < 0 ? buf.length : lf;
      if (this.quote < lineEnd) return this.quoted(final);
      let end = lineEnd;
      if (lf >= 0 && end > pos && buf[end - 1] === CR) end--;
      this.pos = lf < 0 ? buf.length : lf + 1;
      if (end === pos && lf >= 0) { this.line++; continue; }
      this.rowNumber = this.line++;
      if (end <= this.validTo || isUtf8(buf.subarray(pos, end))) {
        this.start = pos;
        this.end = end;
        return LINE;
      }
      this.values = buf.toString('utf8', pos, end).split(',');
      return RECORD;
    }
  }

  /** A record with quotes, parsed as text from a window of the buffer that grows until it holds the record. */
  private quoted(final: boolean): number {
    const buf = this.buf;
    for (let size = WINDOW; ; size *= 2) {
      let end = Math.min(buf.length, this.pos + size);
      while (end < buf.length && (buf[end]! & 0xc0) === 0x80) end--; // cut between characters
      const whole = end === buf.length;
      const text = buf.toString('utf8', this.pos, end);
      const r = parseRecord(text, 0, final && whole);
      if (r === null) {
        if (whole) return MORE;
        continue;
      }
      this.values = r.values;
      this.rowNumber = this.line;
      this.line += r.lines;
      this.pos += Buffer.byteLength(text.slice(0, r.end), 'utf8');
      return RECORD;
    }
  }

  private findQuote(): void {
    const q = this.buf.indexOf(QUOTE, this.pos);
    this.quote = q < 0 ? this.buf.length : q;
  }
}

function isBomStart(buf: Buffer, pos: number): boolean {
  const bom = [0xef, 0xbb, 0xbf];
  for (let i = pos; i < buf.length; i++) if (buf[i] !== bom[i - pos]) return false;
  return true;
}
