// Typed arrays that grow by doubling: the in-memory index appends listings and postings one at a time.

type TypedArray = Int32Array | Float32Array | Float64Array | Uint8Array | Uint16Array | Int8Array;
type Constructor<T extends TypedArray> = { new (length: number): T };

/** A copy of `array` with room for at least `needed` elements (the same array when it already has). */
export function ensureCapacity<T extends TypedArray>(array: T, needed: number, make: Constructor<T>): T {
  if (needed <= array.length) return array;
  let size = Math.max(8, array.length);
  while (size < needed) size *= 2;
  const next = new make(size);
  next.set(array);
  return next;
}
