// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set, the last one a check character.

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when one is outside the set. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARS.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const c = (31 - (sum % 31)) % 31;
  return CHARS[c]!;
}

export function isValidUscc(s: string): boolean {
  if (s.length !== 18) return false;
  return usccCheckChar(s.slice(0, 17)) === s[17];
}
