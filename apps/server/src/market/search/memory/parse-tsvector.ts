// Reads a listing's stored tsvector (its text form) back into terms and each term's field-weighted
// frequency — the ts_rank of that term alone with the search weights, computed as PostgreSQL's ts_rank
// does, to the bit (@kechuang/zh-text's rankOfWeights). The in-memory index loads listings this
// way, so it needs no second copy of the segmentation on disk.
import { rankOfWeights, type RankWeights } from '@kechuang/zh-text';

export type ParsedVector = { terms: string[]; ranks: number[] };

const QUOTE = 39; // '
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const SPACE = 32;
/** tsvector keeps at most 256 positions per lexeme. */
const positionWeights = new Float64Array(256);

/**
 * `'锂电':1A,7C 'x''s':3B` → terms ['锂电', "x's"] with their ranks. Positions of a lexeme are in
 * ascending order in the text form, as ts_rank reads them; a position without a letter has weight D (0 here).
 */
export function parseTsvector(text: string, weights: RankWeights): ParsedVector {
  const terms: string[] = [];
  const ranks: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && text.charCodeAt(i) === SPACE) i += 1;
    if (i >= n) break;
    if (text.charCodeAt(i) !== QUOTE) throw new Error(`tsvector: expected a quote at ${i}`);
    i += 1;
    let start = i;
    let lexeme = '';
    for (;;) {
      if (i >= n) throw new Error('tsvector: unterminated lexeme');
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) { lexeme += text.slice(start, i); i += 1; start = i; i += 1; continue; }
      if (c === QUOTE) {
        if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) { lexeme += text.slice(start, i + 1); i += 2; start = i; continue; }
        lexeme += text.slice(start, i);
        i += 1;
        break;
      }
      i += 1;
    }
    let j = 0;
    if (i < n && text.charCodeAt(i) === COLON) {
      i += 1;
      for (;;) {
        while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
        const letter = i < n ? text[i] : '';
        let w = 0;
        if (letter === 'A') { w = weights.A; i += 1; } else if (letter === 'B') { w = weights.B; i += 1; } else if (letter === 'C') { w = weights.C; i += 1; } else if (letter === 'D') i += 1;
        positionWeights[j] = w;
        j += 1;
        if (i < n && text.charCodeAt(i) === COMMA) { i += 1; continue; }
        break;
      }
    }
    terms.push(lexeme);
    ranks.push(rankOfWeights(positionWeights, j));
  }
  return { terms, ranks };
}
