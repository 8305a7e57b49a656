// One spelling for every character: NFKC folds full-width letters, digits and punctuation to their
// ASCII forms (Ａ→A, １→1, （→(), then ASCII letters are lower-cased. Index and query both pass here.
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** True for a character that can carry meaning in a search term: a letter or digit of any script. */
export function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}]/u.test(ch);
}

/** Keeps letters, digits and the joiners that live inside technical terms (3.5, li-ion, 3d打印). */
export function cleanToken(token: string): string {
  return token.replace(/[^\p{L}\p{N}.\-_]/gu, '').replace(/^[.\-_]+|[.\-_]+$/g, '');
}

export function isCjk(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff);
}
