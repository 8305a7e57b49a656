// Chinese word segmentation with jieba: the general dictionary plus the domain terms and every spelling
// in the synonym groups, so "新能源车" or "工业CT" stay one word and can be mapped to their canonical form.
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { buildSynonymTable, domainDictionaryText, synonymGroups, type SynonymTable } from './dictionary.ts';
import { cleanToken, normaliseText } from './normalise.ts';
import { STOPWORDS } from './stopwords.ts';

export type Segmenter = {
  /** Every searchable token of a text, in order, with sub-words of long words (jieba's search mode). */
  indexTokens(text: string): string[];
  /** The words of a query, in order, each canonical; no sub-words. */
  queryWords(text: string): string[];
  /** The canonical form of a normalised term. */
  canonical(term: string): string;
  /** Every spelling of a canonical term's synonym group (just the term when it has none). */
  spellings(term: string): readonly string[];
};

let shared: Segmenter | undefined;

/** The process-wide segmenter (loading jieba's dictionary takes a quarter of a second, so it is done once). */
export function segmenter(): Segmenter {
  shared ??= createSegmenter();
  return shared;
}

// jieba's general dictionary (a few MB) is read when the first segmenter is made, not when this module is
// imported, so a server start does not pay for it before the first search.
const requireDictionary = createRequire(import.meta.url);

export function createSegmenter(): Segmenter {
  const { dict } = requireDictionary('@node-rs/jieba/dict.js') as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  const synonyms = buildSynonymTable(synonymGroups());
  const userWords = [
    ...domainDictionaryText().split('\n').map((line) => normaliseText(line)),
    ...[...synonyms.spellings.values()].flat().map((term) => `${term} 2000 n`),
  ];
  jieba.loadDict(Buffer.from(userWords.join('\n'), 'utf8'));
  const kept = new Map<string, string>();
  return {
    indexTokens: (text) => keep(jieba.cutForSearch(normaliseText(text), true), synonyms, kept),
    queryWords: (text) => keep(jieba.cut(normaliseText(text), true), synonyms, kept),
    canonical: (term) => synonyms.canonical.get(term) ?? term,
    spellings: (term) => synonyms.spellings.get(term) ?? [term],
  };
}

/**
 * jieba's pieces as tokens: cleaned, stopwords dropped, each in its canonical form. What a piece becomes
 * ('' for dropped) is remembered: a corpus repeats a small vocabulary, and cleaning runs two regular
 * expressions per piece, which was a fifth of the time it takes to index a listing.
 */
function keep(raw: string[], synonyms: SynonymTable, kept: Map<string, string>): string[] {
  const out: string[] = [];
  for (const piece of raw) {
    let token = kept.get(piece);
    if (token === undefined) {
      if (kept.size >= MAX_REMEMBERED_PIECES) kept.clear();
      token = tokenOf(piece, synonyms);
      kept.set(piece, token);
    }
    if (token !== '') out.push(token);
  }
  return out;
}

const MAX_REMEMBERED_PIECES = 200_000;

function tokenOf(piece: string, synonyms: SynonymTable): string {
  const token = cleanToken(piece);
  if (token === '' || STOPWORDS.has(token) || token.length > 60) return '';
  return synonyms.canonical.get(token) ?? token;
}
