import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeUsccCheckCharacter, makeUscc, USCC_CHARSET, USCC_WEIGHTS, validateUscc } from './uscc.ts';

// Published codes of real organisations (from their business licences / annual reports).
const REAL_CODES: Record<string, string> = {
  '深圳市腾讯计算机系统有限公司': '91440300708461136T',
  '华为技术有限公司': '914403001922038216',
  '阿里巴巴（中国）有限公司': '91330100716105852F',
  '中国石油化工股份有限公司': '91110000710926094P',
  '比亚迪股份有限公司': '91440300192317458F',
  '小米科技有限责任公司': '91110108551385082Q',
  '北京百度网讯科技有限公司': '91110000802100433B',
  '贵州茅台酒股份有限公司': '91520000214434146R',
  '中国工商银行股份有限公司': '91100000100003962T',
  '清华大学': '12100000400000624D',
  '北京大学': '12100000400002259P',
};

describe('validateUscc on real codes', () => {
  test.each(Object.entries(REAL_CODES))('%s %s is valid', (_name, code) => {
    expect(validateUscc(code)).toEqual({ ok: true, code });
  });

  test.each(Object.entries(REAL_CODES))('%s: the check character is recomputed from the first 17', (_name, code) => {
    expect(computeUsccCheckCharacter(code.slice(0, 17))).toBe(code.slice(17));
  });

  test('input is trimmed and uppercased', () => {
    expect(validateUscc('  91440300708461136t \n')).toEqual({ ok: true, code: '91440300708461136T' });
  });
});

describe('the standard\'s tables', () => {
  test('the character set is the 31 digits and capitals other than I, O, Z, S, V', () => {
    const expected = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((c) => !'IOZSV'.includes(c)).join('');
    expect(USCC_CHARSET).toBe(expected);
  });

  test('the weights are 3^(i-1) mod 31', () => {
    expect(USCC_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => 3 ** i % 31));
  });
});

describe('validateUscc rejects with the reason that applies', () => {
  const tencent = REAL_CODES['深圳市腾讯计算机系统有限公司'] ?? '';

  test.each(['', '91440300708461136', '91440300708461136TT', '9144030070846113'])('length: "%s"', (code) => {
    const result = validateUscc(code);
    expect(result).toMatchObject({ ok: false, reason: 'length' });
    if (!result.ok) {
      expect(result.message).toContain('18 位');
      expect(result.messageEn).toContain('18 characters');
    }
  });

  test.each(['I', 'O', 'Z', 'S', 'V', '-', '０', '*'])('charset: "%s" in position 10', (bad) => {
    const code = `${tencent.slice(0, 9)}${bad}${tencent.slice(10)}`;
    const result = validateUscc(code);
    expect(result).toMatchObject({ ok: false, reason: 'charset' });
    if (!result.ok) {
      expect(result.message).toContain('第 10 位');
      expect(result.messageEn).toContain('character 10');
    }
  });

  test.each(['B', 'Q', '0'])('registration_authority: unknown authority "%s"', (authority) => {
    const result = validateUscc(makeUscc(`${authority}1440300708461136`));
    expect(result).toMatchObject({ ok: false, reason: 'registration_authority' });
  });

  test.each(['94', '15', 'Y2'])('registration_authority: category not issued by the authority (%s)', (pair) => {
    const result = validateUscc(makeUscc(`${pair}440300708461136`));
    expect(result).toMatchObject({ ok: false, reason: 'registration_authority' });
    if (!result.ok) expect(result.messageEn).toContain('category');
  });

  test('check_character: names the expected character in both languages', () => {
    expect(validateUscc('91440300708461136A')).toEqual({
      ok: false,
      reason: 'check_character',
      message: '统一社会信用代码校验位错误：应为 T',
      messageEn: 'Credit code check character is wrong: expected T',
      expected: 'T',
    });
  });
});

describe('properties', () => {
  const validAuthorityAndCategory = fc.constantFrom('11', '12', '13', '19', '31', '51', '52', '53', '91', '92', '93', 'Y1', 'N2');
  const codeChar = fc.constantFrom(...USCC_CHARSET);
  const prefix17 = fc
    .tuple(validAuthorityAndCategory, fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 6 }),
      fc.array(codeChar, { minLength: 9, maxLength: 9 }))
    .map(([head, division, org]) => head + division.join('') + org.join(''));
  const anyReplacement = fc.constantFrom(...USCC_CHARSET, 'I', 'O', 'Z', 'S', 'V', 'a', '-', '中');

  test('makeUscc always produces a code that validates', () => {
    fc.assert(fc.property(prefix17, (prefix) => {
      expect(validateUscc(makeUscc(prefix))).toEqual({ ok: true, code: makeUscc(prefix) });
    }));
  });

  test('every single-character corruption of a valid code is rejected', () => {
    fc.assert(fc.property(prefix17, fc.integer({ min: 0, max: 17 }), anyReplacement, (prefix, position, replacement) => {
      const code = makeUscc(prefix);
      fc.pre(replacement.toUpperCase() !== code[position]);
      const corrupted = code.slice(0, position) + replacement + code.slice(position + 1);
      const result = validateUscc(corrupted);
      expect(result.ok).toBe(false);
      // A substitution by another code character after the authority and category is caught by the check digit.
      if (position >= 2 && USCC_CHARSET.includes(replacement) && !result.ok) {
        expect(result.reason).toBe('check_character');
      }
    }), { numRuns: 2000 });
  });

  test('every real code with one character replaced is rejected (exhaustively)', () => {
    for (const code of Object.values(REAL_CODES)) {
      for (let position = 0; position < 18; position += 1) {
        for (const replacement of USCC_CHARSET) {
          if (replacement === code[position]) continue;
          const corrupted = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(validateUscc(corrupted).ok, corrupted).toBe(false);
        }
      }
    }
  });

  test('computeUsccCheckCharacter refuses a prefix of the wrong length or with a forbidden character', () => {
    expect(() => computeUsccCheckCharacter('9144030070846113')).toThrow(RangeError);
    expect(() => computeUsccCheckCharacter('9144030070846113I')).toThrow(RangeError);
  });
});
