// ASCII transcription for pg_trgm. pg_trgm makes trigrams only from characters its locale calls letters;
// under the C locale (the embedded cluster) CJK characters make none. Writing each CJK character as three
// base-36 letters lets the same trigram index find typos and partial words on every server, with the
// same result. Runs of CJK stay one word, so trigrams also span neighbouring characters.
import { isCjk, normaliseText } from './normalise.ts';

const CJK_BASE = 0x3400;
const COMPAT_BASE = 0xf900;
const COMPAT_OFFSET = 0x9fff - CJK_BASE + 1;

export function transcribeForTrigrams(text: string): string {
  const words: string[] = [];
  let current = '';
  let currentIsCjk = false;
  const flush = (): void => {
    if (current !== '') words.push(current);
    current = '';
  };
  for (const ch of normaliseText(text)) {
    if (isCjk(ch)) {
      if (!currentIsCjk) flush();
      currentIsCjk = true;
      current += encodeCjk(ch.codePointAt(0)!);
    } else if (/[a-z0-9]/.test(ch)) {
      if (currentIsCjk) flush();
      currentIsCjk = false;
      current += ch;
    } else {
      flush();
    }
  }
  flush();
  return words.join(' ');
}

function encodeCjk(cp: number): string {
  const index = cp >= COMPAT_BASE ? cp - COMPAT_BASE + COMPAT_OFFSET : cp - CJK_BASE;
  return index.toString(36).padStart(3, '0');
}
