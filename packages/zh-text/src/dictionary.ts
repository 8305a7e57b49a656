// The domain dictionary and synonym groups shipped in this package (plain text, editable by the bureau
// without touching code). Both are read once.
import fs from 'node:fs';
import { normaliseText } from './normalise.ts';

const DICTIONARY_DIR = new URL('./dictionary/', import.meta.url);

function dataLines(file: string): string[] {
  return fs.readFileSync(new URL(file, DICTIONARY_DIR), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

/** The domain terms, in jieba's user-dictionary format (term, frequency, part of speech). */
export function domainDictionaryText(): string {
  return dataLines('domain-terms.txt').join('\n');
}

export function domainTerms(): string[] {
  return dataLines('domain-terms.txt').map((line) => line.split(/\s+/)[0]!);
}

/** Synonym groups; the first term of each group is canonical. Terms are normalised (lower case). */
export function synonymGroups(): string[][] {
  return dataLines('synonyms.txt').map((line) => line.split(/\s+/).map(normaliseText));
}

export type SynonymTable = {
  /** term → its canonical form (only for terms that have one). */
  canonical: ReadonlyMap<string, string>;
  /** canonical form → every spelling of the group, canonical first. */
  spellings: ReadonlyMap<string, readonly string[]>;
};

export function buildSynonymTable(groups: string[][]): SynonymTable {
  const canonical = new Map<string, string>();
  const spellings = new Map<string, string[]>();
  for (const group of groups) {
    const [head, ...rest] = group;
    if (!head || rest.length === 0) continue;
    // A term that is already another group's variant keeps its first mapping, so the table never chains.
    for (const term of rest) if (!canonical.has(term)) canonical.set(term, head);
    spellings.set(head, [...new Set([head, ...(spellings.get(head) ?? []).slice(1), ...rest])]);
  }
  return { canonical, spellings };
}
