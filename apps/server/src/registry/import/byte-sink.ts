// A growable byte buffer that COPY text is written into: the import's reader writes each value's bytes once,
// straight from the file's bytes or from a number's digits, instead of making strings only to copy them.
export class ByteSink {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Room for `n` more bytes. */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(b: number): void {
    this.reserve(1);
    this.bytes[this.length++] = b;
  }

  /** Bytes `start`–`end` of `source`, as they are. */
  copy(source: Uint8Array, start: number, end: number): void {
    const n = end - start;
    this.reserve(n);
    const out = this.bytes;
    let at = this.length;
    // Values are short (a few to a few dozen bytes): a loop beats a native call's overhead.
    for (let i = start; i < end; i++) out[at++] = source[i]!;
    this.length = at;
  }

  /** A string of ASCII characters (codes, ids, digits made elsewhere). */
  ascii(s: string): void {
    this.reserve(s.length);
    const out = this.bytes;
    let at = this.length;
    for (let i = 0; i < s.length; i++) out[at++] = s.charCodeAt(i);
    this.length = at;
  }

  /** Any string, UTF-8 encoded. */
  utf8(s: string): void {
    this.reserve(s.length * 3);
    this.length += Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length).write(s, this.length, 'utf8');
  }

  /** A non-negative integer below 2⁵³ in decimal. */
  digits(n: number): void {
    if (n < 10) { this.byte(48 + n); return; }
    this.reserve(16);
    const out = this.bytes;
    let end = this.length;
    for (let v = n; v > 0; v = Math.floor(v / 10)) end++;
    this.length = end;
    for (let v = n; v > 0; v = Math.floor(v / 10)) out[--end] = 48 + (v % 10);
  }

  /** The bytes written, as a copy of their own (the sink is reused for the next batch). */
  take(): Uint8Array {
    const out = this.bytes.slice(0, this.length);
    this.length = 0;
    return out;
  }
}
