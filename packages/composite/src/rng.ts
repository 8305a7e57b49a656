// A small seeded generator (mulberry32 over a splitmix32-scrambled seed) so a Monte Carlo run can be repeated
// exactly from its seed. R's Mersenne-Twister streams are not reproduced: only the design is COINr's.
export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
}

export function createRng(seed: number): Rng {
  let s = Math.trunc(seed) >>> 0;
  // splitmix32 scramble so that nearby seeds give unrelated streams
  s = (s + 0x9e3779b9) >>> 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  let state = (z ^ (z >>> 16)) >>> 0;
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
