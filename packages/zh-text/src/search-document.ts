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

export function buildSearchDocument(seg: Segmenter, fields: DocumentFields, rankWeights?: RankWeights): SearchDocument {
  const positions = new Map<string, string[]>();
  const classes = new Map<string, WeightClass[]>();
  let position = 0;
  const add = (tokens: string[], weight: Weight): void => {
    for (const token of tokens) {
      if (position >= MAX_POSITION) return;
      position += 1;
      const list = positions.get(token) ?? [];
      // tsvector keeps at most 256 positions per lexeme.
      if (list.length < 256) {
        list.push(`${position}${weight}`);
        const c = classes.get(token);
        if (c) c.push(weight);
        else classes.set(token, [weight]);
      }
      positions.set(token, list);
    }
  };
  add(seg.indexTokens(fields.title), 'A');
  add(fields.keywords.flatMap((k) => seg.indexTokens(k)), 'B');
  add(seg.indexTokens(fields.summary), 'C');
  const tsvector = [...positions].map(([lexeme, list]) => `${quoteLexeme(lexeme)}:${list.join(',')}`).join(' ');
  const terms = [...positions.keys()];
  const ranks = rankWeights ? terms.map((t) => singleTermRank(classes.get(t)!, rankWeights)) : [];
  return { tsvector, length: position, terms, ranks };
}

/** A lexeme as a tsvector/tsquery literal: single-quoted, with quotes and backslashes escaped. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
