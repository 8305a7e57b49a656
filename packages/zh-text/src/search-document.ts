// A listing as a weighted search document: tokens of the title (A), keywords (B) and summary (C) with
// their positions, written as a tsvector literal. The literal is cast (`$1::tsvector`), never parsed by
// to_tsvector, so the server's locale and text-search parser cannot split or fold a token differently:
// the lexemes are exactly what 'simple' would store for them (lower case, no stemming), everywhere.
import type { Segmenter } from './segmenter.ts';
import { singleTermRank, type RankWeights, type WeightClass } from './term-rank.ts';

export type DocumentFields = { title: string; keywords: readonly string[]; summary: string };
/** `ranks[i]`: ts_rank of `terms[i]` alone with the given weights (only when weights were given). */
export type SearchDocument = { tsvector: string; length: number; terms: string[]; ranks: number[] };

/** tsvector positions run 1…16383; longer summaries keep their first tokens. */
const MAX_POSITION = 16383;
type Weight = 'A' | 'B' | 'C';

/** A lexeme so far: its positions as the literal writes them ("1A,7C") and the weight class of each, in order. */
type LexemeEntry = { positions: string; classes: string; count: number };

/**
 * Keywords are segmented as one text, one per line: jieba splits its input at line breaks before it looks
 * at words, so the tokens are those of each keyword alone, for one call instead of a dozen.
 */
const KEYWORD_SEPARATOR = '\n';

export function buildSearchDocument(seg: Segmenter, fields: DocumentFields, rankWeights?: RankWeights): SearchDocument {
  const lexemes = new Map<string, LexemeEntry>();
  let position = 0;
  const add = (tokens: string[], weight: Weight): void => {
    for (const token of tokens) {
      if (position >= MAX_POSITION) return;
      position += 1;
      const entry = lexemes.get(token);
      if (!entry) lexemes.set(token, { positions: `${position}${weight}`, classes: weight, count: 1 });
      // tsvector keeps at most 256 positions per lexeme.
      else if (entry.count < 256) {
        entry.positions += `,${position}${weight}`;
        entry.classes += weight;
        entry.count += 1;
      }
    }
  };
  add(seg.indexTokens(fields.title), 'A');
  add(seg.indexTokens(fields.keywords.join(KEYWORD_SEPARATOR)), 'B');
  add(seg.indexTokens(fields.summary), 'C');
  let tsvector = '';
  const terms: string[] = [];
  const ranks: number[] = [];
  for (const [lexeme, entry] of lexemes) {
    tsvector += `${tsvector === '' ? '' : ' '}${quoteLexeme(lexeme)}:${entry.positions}`;
    terms.push(lexeme);
    if (rankWeights) ranks.push(rankOfClasses(entry.classes, rankWeights));
  }
  return { tsvector, length: position, terms, ranks };
}

/**
 * singleTermRank of a lexeme's weight classes written as a string ("AAC"), remembered per weights: a
 * corpus has few distinct class sequences (most lexemes occur once or twice), and this runs per lexeme.
 */
function rankOfClasses(classes: string, rankWeights: RankWeights): number {
  let known = ranksByWeights.get(rankWeights);
  if (!known || known.size > MAX_REMEMBERED_RANKS) {
    known = new Map();
    ranksByWeights.set(rankWeights, known);
  }
  let rank = known.get(classes);
  if (rank === undefined) {
    rank = singleTermRank([...classes] as WeightClass[], rankWeights);
    known.set(classes, rank);
  }
  return rank;
}

const ranksByWeights = new WeakMap<RankWeights, Map<string, number>>();
const MAX_REMEMBERED_RANKS = 100_000;

/** A lexeme as a tsvector/tsquery literal: single-quoted, with quotes and backslashes escaped. */
export function quoteLexeme(lexeme: string): string {
  if (!lexeme.includes("'") && !lexeme.includes('\\')) return `'${lexeme}'`;
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
