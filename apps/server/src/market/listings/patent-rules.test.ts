import { expect, test } from 'vitest';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { generateDemoListings } from '../demo/generate-demo-listings.ts';
import { applicationCheckDigit, normalisePatentNumber, validatePatents } from './patent-rules.ts';

const errorOf = (f: () => unknown): DomainError => {
  try { f(); } catch (e) { if (e instanceof DomainError) return e; throw e; }
  throw new Error('no error');
};

test('check digit: digits times 2…9, 2…5, sum mod 11, 10 written X (ZC 0006-2003; worked example 201710601862.3)', () => {
  expect(applicationCheckDigit('201710601862')).toBe('3');
  expect(applicationCheckDigit('201910000017')).toBe('X');
  expect(applicationCheckDigit('97101765')).toBe('4'); // the 8-digit numbers before October 2003: weights 2…9
});

/** Each number as written, and as it is stored. */
const expectStored = (cases: [written: string, stored: string][]): void => {
  for (const [written, stored] of cases) expect(normalisePatentNumber(written), written).toEqual({ ok: true, number: stored });
};

test('application, patent and publication numbers are accepted and stored in one spelling', () => {
  expectStored([
    ['201710601862.3', '201710601862.3'], [' zl 2017 1 0601862.3 ', 'ZL201710601862.3'], ['ＣＮ２０１９１０００００１７．ｘ', 'CN201910000017.X'],
    ['2017106018623', '201710601862.3'], ['97101765.4', '97101765.4'], ['cn112345678a', 'CN112345678A'], ['CN212345678U', 'CN212345678U'],
  ]);
});

test("other offices' publication numbers are accepted by their shape, written without slashes or commas", () => {
  expectStored([
    ['US10123456B2', 'US10123456B2'], ['us 10,123,456 b2', 'US10123456B2'], ['EP1234567B1', 'EP1234567B1'], ['WO2019/123456A1', 'WO2019123456A1'],
    ['JP2019123456A', 'JP2019123456A'], ['KR1020190012345A', 'KR1020190012345A'], ['DE102019123456A1', 'DE102019123456A1'], ['US10123456', 'US10123456'],
  ]);
  expect(validatePatents('achievement', [{ number: 'us 10,123,456 b2', status: 'granted' }])).toEqual([{ number: 'US10123456B2', status: 'granted' }]);
  expect(errorOf(() => validatePatents('achievement', [{ number: 'US10123456B2', status: 'granted' }, { number: 'us 10,123,456 b2', status: 'lapsed' }])))
    .toMatchObject({ code: 'patent_duplicate', field: 'patents.1.number' });
});

test('a wrong check digit, an unknown application type or another shape is refused, saying which', () => {
  expect(normalisePatentNumber('ZL201710601862.4')).toMatchObject({ ok: false, problem: { code: 'patent_check_digit', part: 'number', zh: expect.stringContaining('应为 3') } });
  expect(normalisePatentNumber('201750601862.3')).toMatchObject({ ok: false, problem: { code: 'patent_number_type' } });
  for (const text of ['12345', 'ZL2017106018', 'CN112345678Q', '发明专利一项', 'XX10123456B2', 'US123', 'US10123456B22', 'EP-1234567', 'WO2019/123456/A1X']) {
    expect(normalisePatentNumber(text), text).toMatchObject({ ok: false, problem: { code: 'patent_number_format' } });
  }
});

test('each refusal names the item and part, in both languages', () => {
  const format = errorOf(() => validatePatents('achievement', [{ number: 'ZL201710601862.3', status: 'granted' }, { number: 'abc', status: 'granted' }]));
  expect(format).toMatchObject({ code: 'patent_number_format', field: 'patents.1.number' });
  expect(format.text.zh).toContain('第 2 项专利');
  expect(format.text.en).toContain('Patent 2');
  expect(errorOf(() => validatePatents('achievement', [{ number: '201710601862.3', status: 'valid' }]))).toMatchObject({ code: 'patent_status_invalid', field: 'patents.0.status' });
  expect(errorOf(() => validatePatents('achievement', [{ number: 'ZL201710601862.3', status: 'pending' }]))).toMatchObject({ code: 'patent_status_mismatch', field: 'patents.0.status' });
  expect(errorOf(() => validatePatents('achievement', [{ number: '201710601862.3', status: 'pending' }, { number: 'ZL 201710601862.3', status: 'granted' }])))
    .toMatchObject({ code: 'patent_duplicate', field: 'patents.1.number' });
  expect(errorOf(() => validatePatents('demand', [{ number: '201710601862.3', status: 'pending' }]))).toMatchObject({ code: 'demand_has_patents', field: 'patents' });
});

test('valid patents come back normalised with their status', () => {
  expect(validatePatents('achievement', [{ number: 'zl201710601862.3', status: 'lapsed' }, { number: 'CN112345678A', status: 'pending' }])).toEqual([
    { number: 'ZL201710601862.3', status: 'lapsed' }, { number: 'CN112345678A', status: 'pending' },
  ]);
  expect(validatePatents('demand', [])).toEqual([]);
});

test("the demo city's patents pass the same rules, so editing a demo draft does not trip over them", () => {
  const listings = generateDemoListings({ achievements: 400, demands: 0, owners: 5 });
  const patents = listings.flatMap((l) => l.patents);
  expect(patents.length).toBeGreaterThan(100);
  for (const l of listings) expect(validatePatents(l.kind, l.patents)).toEqual(l.patents);
});
