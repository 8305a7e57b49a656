import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseRegionsCsv, REGIONS_FILE_URL, RegionsFileError, type Region } from './regions-file.ts';

const regions = parseRegionsCsv(readFileSync(REGIONS_FILE_URL, 'utf8'));
const byCode = new Map(regions.map((r) => [r.code, r]));
const childrenOf = (code: string): Region[] => regions.filter((r) => r.parentCode === code);

// Written from the published 2024 divisions, independently of the data file.
const LUOYANG_DISTRICTS: Record<string, string> = {
  '410302': '老城区', '410303': '西工区', '410304': '瀍河回族区', '410305': '涧西区', '410307': '偃师区',
  '410308': '孟津区', '410311': '洛龙区', '410323': '新安县', '410324': '栾川县', '410325': '嵩县',
  '410326': '汝阳县', '410327': '宜阳县', '410328': '洛宁县', '410329': '伊川县',
};
const LIAOCHENG_DISTRICTS: Record<string, string> = {
  '371502': '东昌府区', '371503': '茌平区', '371521': '阳谷县', '371522': '莘县', '371524': '东阿县',
  '371525': '冠县', '371526': '高唐县', '371581': '临清市',
};
const HENAN_CITIES = ['410100', '410200', '410300', '410400', '410500', '410600', '410700', '410800', '410900',
  '411000', '411100', '411200', '411300', '411400', '411500', '411600', '411700', '419001'];
const SHANDONG_CITIES = ['370100', '370200', '370300', '370400', '370500', '370600', '370700', '370800', '370900',
  '371000', '371100', '371300', '371400', '371500', '371600', '371700'];

describe('the shipped regions.csv', () => {
  test('every code is 6 digits and unique', () => {
    for (const r of regions) expect(r.code).toMatch(/^\d{6}$/);
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
  });

  test('has all 34 provincial-level divisions, without parents', () => {
    const provinces = regions.filter((r) => r.level === 'province');
    expect(provinces).toHaveLength(34);
    for (const p of provinces) {
      expect(p.code).toMatch(/^\d{2}0000$/);
      expect(p.parentCode).toBeNull();
    }
    expect(byCode.get('410000')?.name).toBe('河南省');
    expect(byCode.get('370000')?.name).toBe('山东省');
    for (const code of ['710000', '810000', '820000']) expect(byCode.has(code)).toBe(true);
  });

  test('each city belongs to its province (first two digits + 0000)', () => {
    for (const city of regions.filter((r) => r.level === 'city')) {
      expect(city.parentCode).toBe(`${city.code.slice(0, 2)}0000`);
    }
  });

  test('each district belongs to its city (first four digits + 00)', () => {
    for (const d of regions.filter((r) => r.level === 'district')) {
      expect(d.parentCode).toBe(`${d.code.slice(0, 4)}00`);
      expect(byCode.get(d.parentCode ?? '')?.level).toBe('city');
    }
  });

  test('Henan has its 17 prefecture-level cities plus 济源 under the province', () => {
    expect(childrenOf('410000').map((r) => r.code).sort()).toEqual(HENAN_CITIES);
    expect(byCode.get('419001')).toMatchObject({ name: '济源市', level: 'city', parentCode: '410000' });
    expect(childrenOf('419001')).toEqual([]);
  });

  test('Shandong has its 16 prefecture-level cities (莱芜 371200 merged into 济南 in 2019)', () => {
    expect(childrenOf('370000').map((r) => r.code).sort()).toEqual(SHANDONG_CITIES);
    expect(byCode.has('371200')).toBe(false);
  });

  test("Luoyang's county-level divisions are exactly the 2021-onwards set", () => {
    const actual = Object.fromEntries(childrenOf('410300').map((r) => [r.code, r.name]));
    expect(actual).toEqual(LUOYANG_DISTRICTS);
    // Abolished in 2021: 孟津县, 吉利区 (into 孟津区) and 偃师市 (became 偃师区).
    for (const gone of ['410322', '410306', '410381']) expect(byCode.has(gone)).toBe(false);
  });

  test("Liaocheng's county-level divisions are exactly the 2019-onwards set", () => {
    const actual = Object.fromEntries(childrenOf('371500').map((r) => [r.code, r.name]));
    expect(actual).toEqual(LIAOCHENG_DISTRICTS);
    expect(byCode.has('371523')).toBe(false); // 茌平县, became 茌平区 in 2019
  });

  test('every Henan and Shandong city has county-level divisions, totalling 156 + 济源 and 136', () => {
    for (const code of [...HENAN_CITIES.filter((c) => c !== '419001'), ...SHANDONG_CITIES]) {
      expect(childrenOf(code).length, code).toBeGreaterThan(0);
    }
    const count = (prefix: string) => regions.filter((r) => r.level === 'district' && r.code.startsWith(prefix)).length;
    expect(count('41')).toBe(156);
    expect(count('37')).toBe(136);
  });

  test('English names are pinyin, e.g. Luoyang and Laocheng District', () => {
    expect(byCode.get('410300')?.nameEn).toBe('Luoyang');
    expect(byCode.get('410302')?.nameEn).toBe('Laocheng District');
    expect(byCode.get('371524')?.nameEn).toBe("Dong'e County");
  });
});

describe('parseRegionsCsv rejects bad rows', () => {
  const header = 'code,name,name_en,level,parent_code';
  const henan = '410000,河南省,Henan,province,';
  const luoyang = '410300,洛阳市,Luoyang,city,410000';
  const csv = (...lines: string[]) => [header, ...lines].join('\n');
  const failure = (text: string): RegionsFileError => {
    try {
      parseRegionsCsv(text);
    } catch (error) {
      if (error instanceof RegionsFileError) return error;
      throw error;
    }
    throw new Error('expected a RegionsFileError');
  };

  test('accepts a small valid file, in any order, with parent codes mapped to null or the parent', () => {
    expect(parseRegionsCsv(csv('410302,老城区,Laocheng District,district,410300', luoyang, henan))).toEqual([
      { code: '410302', name: '老城区', nameEn: 'Laocheng District', level: 'district', parentCode: '410300' },
      { code: '410300', name: '洛阳市', nameEn: 'Luoyang', level: 'city', parentCode: '410000' },
      { code: '410000', name: '河南省', nameEn: 'Henan', level: 'province', parentCode: null },
    ]);
  });

  test.each([
    ['a wrong header', 'code,name,level\n410000,河南省,province', 1, /header/],
    ['a 5-digit code', csv('41000,河南省,Henan,province,'), 2, /not 6 digits/],
    ['a duplicate code', csv(henan, henan), 3, /repeats line 2/],
    ['an unknown level', csv('410000,河南省,Henan,state,'), 2, /level "state"/],
    ['a province with a parent', csv('410000,河南省,Henan,province,370000'), 2, /must be empty/],
    ['a city under another province', csv(henan, '410300,洛阳市,Luoyang,city,370000'), 3, /must be 410000/],
    ['a district under the wrong city', csv(henan, luoyang, '410302,老城区,Laocheng District,district,410200'), 4, /must be 410300/],
    ['a missing parent', csv(henan, '410302,老城区,Laocheng District,district,410300'), 3, /not in the file/],
    ['a district code at city level', csv(henan, '410302,老城区,Laocheng District,city,410000'), 3, /shape of a city/],
    ['a Chinese English name', csv('410000,河南省,河南,province,'), 2, /name_en/],
    ['a missing field', csv('410000,河南省,Henan,province'), 2, /expected 5 fields/],
  ])('%s', (_label, text, line, message) => {
    const error = failure(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });
});
