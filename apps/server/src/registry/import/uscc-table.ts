// Credit codes (and credit code + year) as keys of a hash table held in typed arrays rather than as strings in
// a Map: a million-row import remembers every (code, year) it has seen, and a million strings in a Map are a
// hundred megabytes the garbage collector walks again and again. A valid code is its first 17 characters (the
// 18th is their check character), two base-31 numbers below 2⁵³: `hi` from characters 1–9, `lo` from 10–17.
import { USCC_CHARSET } from '../../platform/identity/uscc.ts';

const VALUE_OF = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < USCC_CHARSET.length; i++) t[USCC_CHARSET.charCodeAt(i)] = i;
  return t;
})();

/** The key last computed (set by keyOfBytes / keyOfText; read at once, never kept). */
export const key = { hi: 0, lo: 0 };

/** Bytes `at`…`at + 17` of a code already checked to be valid. */
export function keyOfBytes(b: Uint8Array, at: number): void {
  let hi = 0, lo = 0;
  for (let i = 0; i < 9; i++) hi = hi * 31 + VALUE_OF[b[at + i]!]!;
  for (let i = 9; i < 17; i++) lo = lo * 31 + VALUE_OF[b[at + i]!]!;
  key.hi = hi; key.lo = lo;
}

/** A code's key; false when it is not 18 code characters (such a code matches no valid one). */
export function keyOfText(code: string): boolean {
  if (code.length !== 18) return false;
  let hi = 0, lo = 0;
  for (let i = 0; i < 17; i++) {
    const c = code.charCodeAt(i);
    const v = c < 128 ? VALUE_OF[c]! : -1;
    if (v < 0) return false;
    if (i < 9) hi = hi * 31 + v; else lo = lo * 31 + v;
  }
  key.hi = hi; key.lo = lo;
  return true;
}

/** Adds a year to the key last computed: (code, year) pairs as keys. */
export function withYear(year: number): void {
  key.lo = key.lo * 256 + (year & 255); // years 1949–this year differ in their low eight bits
}

/** Open addressing, linear probing; `-1` marks an empty slot (keys are ≥ 0). Values are integers. */
export class UsccTable {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Float64Array(n * 2).fill(-1);
    this.values = new Int32Array(n);
    this.mask = n - 1;
  }

  /** The value stored for the key last computed, or -1. */
  get(): number {
    const { hi, lo } = key;
    for (let s = hashOf(hi, lo) & this.mask; ; s = (s + 1) & this.mask) {
      const k = this.keys[2 * s]!;
      if (k === -1) return -1;
      if (k === hi && this.keys[2 * s + 1] === lo) return this.values[s]!;
    }
  }

  /** Stores a value (≥ 0) for the key last computed. */
  set(value: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const { hi, lo } = key;
    for (let s = hashOf(hi, lo) & this.mask; ; s = (s + 1) & this.mask) {
      const k = this.keys[2 * s]!;
      if (k === -1) { this.keys[2 * s] = hi; this.keys[2 * s + 1] = lo; this.values[s] = value; this.size++; return; }
      if (k === hi && this.keys[2 * s + 1] === lo) { this.values[s] = value; return; }
    }
  }

  clear(): void {
    if (this.size === 0) return;
    this.keys.fill(-1);
    this.size = 0;
  }

  private grow(): void {
    const { keys, values } = this;
    const n = (this.mask + 1) * 2;
    this.keys = new Float64Array(n * 2).fill(-1);
    this.values = new Int32Array(n);
    this.mask = n - 1;
    this.size = 0;
    const { hi, lo } = key;
    for (let s = 0; s < values.length; s++) {
      if (keys[2 * s] === -1) continue;
      key.hi = keys[2 * s]!; key.lo = keys[2 * s + 1]!;
      this.set(values[s]!);
    }
    key.hi = hi; key.lo = lo;
  }
}

/** Mixes the two halves (each below 2⁵³) by their 32-bit parts: integer multiplications, no floating remainder. */
function hashOf(hi: number, lo: number): number {
  let h = Math.imul(hi | 0, 0x9e3779b1) ^ Math.imul((hi / 4294967296) | 0, 0x85ebca6b);
  h ^= Math.imul(lo | 0, 0xc2b2ae35) ^ Math.imul((lo / 4294967296) | 0, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 13);
}
