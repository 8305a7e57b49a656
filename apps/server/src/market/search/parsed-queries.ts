// What a query's text parses into (jieba's words, canonical terms, spellings to highlight), remembered for
// the most recent texts: segmenting a query costs about as much as ranking it in memory, and people search
// the same words again and again. Only the text → terms mapping is kept, never a result.
import { parseQuery, segmenter, type ParsedQuery } from '@kechuang/zh-text';

const REMEMBERED = 2000;
const recent = new Map<string, ParsedQuery>();

export function parseQueryText(text: string): ParsedQuery {
  const known = recent.get(text);
  if (known) {
    // Most recently used last, so the oldest is the first to go.
    recent.delete(text);
    recent.set(text, known);
    return known;
  }
  const parsed = parseQuery(segmenter(), text);
  if (recent.size >= REMEMBERED) recent.delete(recent.keys().next().value!);
  recent.set(text, parsed);
  return parsed;
}
