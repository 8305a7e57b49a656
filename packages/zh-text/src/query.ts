// Parses what a user typed into search terms. Everything the user types is data: tsquery operators
// (& | ! : ( ) ') and SQL quotes are stripped by segmentation and the terms are quoted as lexemes, so no
// input can change the query's structure.
import { quoteLexeme } from './search-document.ts';
import type { Segmenter } from './segmenter.ts';

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 16;

export type QueryTerm = {
  /** The canonical lexeme, as stored in the index. */
  lexeme: string;
  /** Every spelling that should be highlighted for it (what the user typed and its synonyms). */
  spellings: readonly string[];
};

export type ParsedQuery =
  | { ok: true; text: string; terms: QueryTerm[] }
  | { ok: false; code: 'query_empty' | 'query_too_long' | 'query_no_terms'; message: { zh: string; en: string } };

export function parseQuery(seg: Segmenter, raw: string): ParsedQuery {
  const text = raw.trim();
  if (text === '') return { ok: false, code: 'query_empty', message: { zh: '请输入搜索词', en: 'Enter a search term' } };
  if ([...text].length > MAX_QUERY_LENGTH) {
    return {
      ok: false, code: 'query_too_long',
      message: { zh: `搜索词不能超过 ${MAX_QUERY_LENGTH} 个字符`, en: `A search may be at most ${MAX_QUERY_LENGTH} characters long` },
    };
  }
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const word of seg.queryWords(text)) {
    if (seen.has(word)) continue;
    seen.add(word);
    terms.push({ lexeme: word, spellings: seg.spellings(word) });
    if (terms.length === MAX_QUERY_TERMS) break;
  }
  if (terms.length === 0) {
    return {
      ok: false, code: 'query_no_terms',
      message: { zh: '搜索词中没有可检索的文字或数字', en: 'The search contains no letters, digits or Chinese words to look for' },
    };
  }
  return { ok: true, text, terms };
}

/** All terms required (`&`) or any one enough (`|`), as a tsquery literal for `$1::tsquery`. */
export function toTsquery(terms: readonly QueryTerm[], mode: 'all' | 'any'): string {
  return terms.map((t) => quoteLexeme(t.lexeme)).join(mode === 'all' ? ' & ' : ' | ');
}
