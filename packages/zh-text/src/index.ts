// @kechuang/zh-text: Chinese text for search. Segmentation with jieba plus the shipped domain dictionary
// and synonyms, query parsing, search documents as tsvector literals, highlights and a trigram transcription.
export { createSegmenter, segmenter, type Segmenter } from './segmenter.ts';
export { buildSynonymTable, domainTerms, synonymGroups, type SynonymTable } from './dictionary.ts';
export { normaliseText } from './normalise.ts';
export { buildSearchDocument, quoteLexeme, type DocumentFields, type SearchDocument } from './search-document.ts';
export { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, parseQuery, toTsquery, type ParsedQuery, type QueryTerm } from './query.ts';
export { highlight, snippet, type Segment } from './highlight.ts';
export { transcribeForTrigrams } from './transcribe.ts';
export { rankOfWeights, singleTermRank, type RankWeights, type WeightClass } from './term-rank.ts';
export { STOPWORDS } from './stopwords.ts';
