// A query whose words no listing holds ("风电轴承", "知识图谱" when only 风电, 轴承, 知识 … occur): each unknown
// word is replaced by the shorter words jieba finds inside it that listings do hold, and the search looks
// for any of them. Cheaper than the database's typo search over every title, and it finds what the
// words are about; the typo search remains for what this finds nothing for.
import { segmenter, type QueryTerm } from '@kechuang/zh-text';
import type { ListingIndex } from './listing-index.ts';

/** The terms with every unknown one expanded; null when no term is unknown or no sub-word is known. */
export function expandUnknownTerms(terms: readonly QueryTerm[], index: ListingIndex): QueryTerm[] | null {
  const seg = segmenter();
  const out: QueryTerm[] = [];
  const seen = new Set<string>();
  let expanded = false;
  for (const term of terms) {
    const known = index.postings.has(term.lexeme);
    const words = known ? [term.lexeme] : seg.indexTokens(term.lexeme).filter((w) => w !== term.lexeme && index.postings.has(w));
    if (!known) expanded = true;
    for (const word of words) {
      if (seen.has(word)) continue;
      seen.add(word);
      out.push(known ? term : { lexeme: word, spellings: seg.spellings(word) });
    }
  }
  return expanded && out.length > 0 ? out : null;
}
