import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildSynonymTable, domainTerms, synonymGroups } from './dictionary.ts';
import { highlight, snippet } from './highlight.ts';
import { MAX_QUERY_LENGTH, parseQuery, toTsquery } from './query.ts';
import { buildSearchDocument, quoteLexeme } from './search-document.ts';
import { singleTermRank } from './term-rank.ts';
import { segmenter } from './segmenter.ts';
import { transcribeForTrigrams } from './transcribe.ts';

const seg = segmenter();

describe('segmentation with the domain dictionary', () => {
  test.each(['石墨烯', '动力电池', '工业ct', '高端轴承', '光伏', '氢燃料电池'])('keeps %s whole', (term) => {
    expect(seg.queryWords(`一种${term}的应用`)).toContain(term);
  });

  test('every domain term survives segmentation as one word (or its canonical synonym)', () => {
    for (const term of domainTerms()) {
      const lower = term.toLowerCase();
      expect(seg.queryWords(term)).toContain(seg.canonical(lower));
    }
  });

  test('search mode also indexes the parts of long words', () => {
    const tokens = seg.indexTokens('新能源汽车动力电池');
    expect(tokens).toEqual(expect.arrayContaining(['新能源汽车', '新能源', '动力电池', '电池']));
  });

  test('full-width letters and upper case fold to one spelling', () => {
    expect(seg.queryWords('工业ＣＴ')).toEqual(seg.queryWords('工业ct'));
  });
});

describe('synonyms', () => {
  test.each([['锂电', '锂电池'], ['新能源车', '新能源汽车'], ['锂离子电池', '锂电池']])('%s is indexed and searched as %s', (variant, canonical) => {
    expect(seg.queryWords(variant)).toEqual([canonical]);
    expect(seg.indexTokens(`高性能${variant}`)).toContain(canonical);
  });

  test('a term listed in two groups keeps its first mapping, so canonical forms never chain', () => {
    const table = buildSynonymTable([['a', 'b'], ['c', 'b', 'a']]);
    expect(table.canonical.get('b')).toBe('a');
    expect(table.canonical.has('a') ? table.canonical.get(table.canonical.get('a')!) : undefined).not.toBe('c');
  });

  test('the shipped groups map every variant to a canonical term that is not itself a variant', () => {
    const table = buildSynonymTable(synonymGroups());
    for (const target of table.canonical.values()) expect(table.canonical.has(target) && table.canonical.get(target) !== target).toBe(false);
  });
});

describe('query parsing (bad input)', () => {
  test.each([['', 'query_empty'], ['   ', 'query_empty'], ['，。！？…', 'query_no_terms'], ['😀🚀🎉', 'query_no_terms'], ['& | ! : ( ) \'', 'query_no_terms']])(
    '%j is refused with %s', (raw, code) => {
      const parsed = parseQuery(seg, raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.code).toBe(code);
    });

  test('a 1,000-character query is refused as too long', () => {
    const parsed = parseQuery(seg, '石'.repeat(1000));
    expect(parsed).toMatchObject({ ok: false, code: 'query_too_long' });
    expect(parseQuery(seg, '石墨烯'.repeat(MAX_QUERY_LENGTH / 3)).ok).toBe(true);
  });

  test('tsquery metacharacters around words leave only the words', () => {
    const parsed = parseQuery(seg, "石墨烯 & (导热) | !光伏: '");
    expect(parsed.ok && parsed.terms.map((t) => t.lexeme)).toEqual(['石墨烯', '导热', '光伏']);
  });

  test('property: any input either fails with a code or yields quoted lexemes only', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (raw) => {
      const parsed = parseQuery(seg, raw);
      if (!parsed.ok) return ['query_empty', 'query_too_long', 'query_no_terms'].includes(parsed.code);
      const query = toTsquery(parsed.terms, 'all');
      // every lexeme is quoted: stripping the quoted parts leaves only the & operators and spaces
      return query.replace(/'(?:[^']|'')*'/g, '').replace(/[ &]/g, '') === '';
    }), { numRuns: 300 });
  });
});

describe('search documents', () => {
  test('fields carry weights A (title), B (keywords), C (summary) and positions in order', () => {
    const doc = buildSearchDocument(seg, { title: '石墨烯导热膜', keywords: ['光伏'], summary: '用于光伏组件' });
    expect(doc.tsvector).toContain("'石墨烯':");
    expect(doc.tsvector).toMatch(/'光伏':\d+B,\d+C/);
    expect(doc.length).toBe(doc.tsvector.match(/\d+[ABC]/g)!.length);
  });

  test('keywords segmented as one text give each keyword\'s own tokens, positions and ranks', () => {
    const keywords = ['石墨烯导热膜', 'Li-ion 电池', '3.5mm', '工业CT检测', "o'neil", '新能源车', '，', '', '高端轴承寿命预测', 'AI+制造'];
    const doc = buildSearchDocument(seg, { title: '', keywords, summary: '' }, { A: 1, B: 0.4, C: 0.2 });
    // The reference: every keyword cut on its own, tokens numbered in order.
    const expected = new Map<string, number[]>();
    keywords.flatMap((k) => seg.indexTokens(k)).forEach((token, i) => expected.set(token, [...(expected.get(token) ?? []), i + 1]));
    expect(doc.terms).toEqual([...expected.keys()]);
    expect(doc.tsvector).toBe([...expected].map(([t, positions]) => `${quoteLexeme(t)}:${positions.map((p) => `${p}B`).join(',')}`).join(' '));
    expect(doc.ranks).toEqual([...expected.values()].map((positions) => singleTermRank(positions.map(() => 'B'), { A: 1, B: 0.4, C: 0.2 })));
  });

  test('property: for any keywords, the document holds exactly the tokens of each keyword cut alone', () => {
    const piece = fc.constantFrom('石墨烯', '导热', '膜', '动力电池', 'li-ion', '3.5', 'CT', ' ', '，', '.', '-', '+', '#', "'", '\\', 'é', 'Ⅻ', '\t', '的');
    fc.assert(fc.property(fc.array(fc.array(piece, { maxLength: 6 }).map((p) => p.join('')), { maxLength: 8 }), (keywords) => {
      const doc = buildSearchDocument(seg, { title: '', keywords, summary: '' });
      const tokens = keywords.flatMap((k) => seg.indexTokens(k));
      expect(doc.length).toBe(tokens.length);
      expect(doc.terms).toEqual([...new Set(tokens)]);
    }), { numRuns: 300 });
  });

  test('quotes and backslashes inside a lexeme are escaped', () => {
    expect(quoteLexeme("o'neil\\x")).toBe("'o''neil\\\\x'");
  });
});

describe('highlights', () => {
  test('every spelling of a synonym group is marked, the rest is not', () => {
    const segments = highlight('锂离子电池与锂电池', ['锂电池', '锂离子电池']);
    expect(segments).toEqual([{ text: '锂离子电池', hit: true }, { text: '与', hit: false }, { text: '锂电池', hit: true }]);
  });

  test('a snippet of a long text starts near the first hit and marks the cut', () => {
    const text = `${'无关内容'.repeat(50)}石墨烯${'其他'.repeat(50)}`;
    const segments = snippet(text, ['石墨烯'], 60);
    expect(segments[0]).toEqual({ text: '…', hit: false });
    expect(segments.some((s) => s.hit && s.text === '石墨烯')).toBe(true);
    expect(segments.map((s) => s.text).join('').length).toBeLessThanOrEqual(62);
  });
});

describe('trigram transcription', () => {
  test('CJK characters become three ASCII letters each, ASCII words stay', () => {
    const out = transcribeForTrigrams('石墨烯 LiFePO4');
    expect(out).toMatch(/^[0-9a-z]{9} lifepo4$/);
  });

  test('one changed character changes exactly one three-letter group', () => {
    const a = transcribeForTrigrams('石墨烯导热');
    const b = transcribeForTrigrams('石墨稀导热');
    const diff = [...a].map((ch, i) => ch !== b[i]).map((d, i) => (d ? Math.floor(i / 3) : -1)).filter((g) => g >= 0);
    expect(new Set(diff)).toEqual(new Set([2]));
  });
});
