// Time-ordered UUIDs (RFC 9562 version 7: 48-bit Unix milliseconds, then random bits). Keys made in bulk
// (a million-row import) then append to the right edge of each primary-key index instead of touching every
// page of it, as random version-4 keys do. PostgreSQL 15–17 have no uuidv7(), so they are made here.
// Within one millisecond the last 48 bits count up from a random start (RFC 9562 §6.2, method 2), so ids of
// one process never repeat and stay ordered; making one costs a string concatenation, not 10 random bytes.
import crypto from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const TAIL_SPAN = 2 ** 48;
/** 12 bits as three hex digits: the counter is written from four of them (Number#toString(16) is slow on doubles). */
const HEX3 = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, '0'));

let stamp = -1;
let prefix = '';
let tail = 0;

function reseed(ms: number): void {
  const r = crypto.randomBytes(10);
  let t = ms;
  const b = new Array<string>(6);
  for (let i = 5; i >= 0; i--) { b[i] = HEX[t % 256]!; t = Math.floor(t / 256); }
  // time (12 hex) - version 7 and 12 random bits - variant 10 and 14 random bits - counter (48 bits)
  prefix = `${b[0]}${b[1]}${b[2]}${b[3]}-${b[4]}${b[5]}-${HEX[0x70 | (r[0]! & 0x0f)]}${HEX[r[1]!]}-${HEX[0x80 | (r[2]! & 0x3f)]}${HEX[r[3]!]}-`;
  // Start in the lower half so a burst of ids within the millisecond cannot run past 2^48.
  tail = (r.readUIntBE(4, 6) % (TAIL_SPAN / 2));
  stamp = ms;
}

export function uuidV7(now: number = Date.now()): string {
  if (now !== stamp || tail >= TAIL_SPAN - 1) reseed(now);
  const high = Math.floor(tail / 16_777_216), low = tail - high * 16_777_216;
  const id = prefix + HEX3[high >> 12]! + HEX3[high & 4095]! + HEX3[low >> 12]! + HEX3[low & 4095]!;
  tail++;
  return id;
}
