// 统一社会信用代码 (unified social credit code), GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》.
// Layout: 1 registration authority · 1 category · 6 administrative division (GB/T 2260) · 9 organisation code
// (GB 11714) · 1 check character.

/** The 31 code characters in value order 0–30: digits and capitals without I, O, Z, S, V (GB 32100-2015 §4.2). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17: 3^(i-1) mod 31 (GB 32100-2015 §4.3). */
export const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Registration authorities (character 1) and the organisation categories each may issue (character 2).
 * GB 32100-2015 Table 1, plus the authorities added since: A (military establishment) and N (agriculture and
 * rural affairs: rural collective economic organisations).
 */
export const USCC_AUTHORITIES: Readonly<Record<string, { zh: string; en: string; categories: string }>> = {
  '1': { zh: '机构编制', en: 'institutional establishment', categories: '1239' },
  '2': { zh: '外交', en: 'foreign affairs', categories: '19' },
  '3': { zh: '司法行政', en: 'justice administration', categories: '123459' },
  '4': { zh: '文化', en: 'culture', categories: '19' },
  '5': { zh: '民政', en: 'civil affairs', categories: '1239' },
  '6': { zh: '旅游', en: 'tourism', categories: '129' },
  '7': { zh: '宗教', en: 'religious affairs', categories: '129' },
  '8': { zh: '工会', en: 'trade unions', categories: '19' },
  '9': { zh: '工商', en: 'market regulation (industry and commerce)', categories: '123' },
  A: { zh: '中央军委改革和编制办公室', en: 'military establishment', categories: '19' },
  N: { zh: '农业', en: 'agriculture and rural affairs', categories: '1239' },
  Y: { zh: '其他', en: 'other', categories: '1' },
};

export type UsccFailureReason = 'length' | 'charset' | 'registration_authority' | 'check_character';

export type UsccResult =
  | { ok: true; code: string }
  | { ok: false; reason: UsccFailureReason; message: string; messageEn: string; expected?: string };

const CHAR_VALUE = new Map([...USCC_CHARSET].map((char, value) => [char, value]));

function fail(reason: UsccFailureReason, message: string, messageEn: string, expected?: string): UsccResult {
  return expected === undefined ? { ok: false, reason, message, messageEn } : { ok: false, reason, message, messageEn, expected };
}

/** Trim and uppercase, so pasted codes with stray spaces or lower-case letters are judged on their content. */
export function normaliseUscc(input: string): string {
  return input.trim().toUpperCase();
}

/** The check character for the first 17 characters: C18 = 31 − (Σ Ci·Wi mod 31), where 31 becomes 0. */
export function computeUsccCheckCharacter(first17: string): string {
  const chars = [...first17];
  if (chars.length !== 17) throw new RangeError(`need exactly 17 characters, got ${chars.length}`);
  let sum = 0;
  chars.forEach((char, i) => {
    const value = CHAR_VALUE.get(char);
    if (value === undefined) throw new RangeError(`"${char}" is not a credit-code character`);
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  });
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** A valid code from a 17-character prefix (for tests and demo data). */
export function makeUscc(prefix17: string): string {
  const prefix = normaliseUscc(prefix17);
  return prefix + computeUsccCheckCharacter(prefix);
}

/** Character code → value 0–30, or −1: a table, because importing a million rows checks 18 million characters. */
const VALUE_OF_CODE = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < USCC_CHARSET.length; i++) table[USCC_CHARSET.charCodeAt(i)] = i;
  return table;
})();

/** True for a well-formed code with a right check character; the common case, checked without allocating. */
function isValidFast(code: string): boolean {
  if (code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = code.charCodeAt(i);
    const v = c < 128 ? VALUE_OF_CODE[c]! : -1;
    if (v < 0) return false;
    sum += v * USCC_WEIGHTS[i]!;
  }
  const authority = USCC_AUTHORITIES[code.charAt(0)];
  return authority !== undefined && authority.categories.includes(code.charAt(1)) && code.charAt(17) === USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Validate a 统一社会信用代码; the checks run in order length, charset, registration authority, check character. */
export function validateUscc(input: string): UsccResult {
  const code = normaliseUscc(input);
  if (isValidFast(code)) return { ok: true, code };
  const chars = [...code];
  if (chars.length !== 18) {
    return fail('length', `统一社会信用代码应为 18 位，实际为 ${chars.length} 位`,
      `Credit code must be 18 characters, got ${chars.length}`);
  }
  const badIndex = chars.findIndex((char) => !CHAR_VALUE.has(char));
  if (badIndex >= 0) {
    const bad = chars[badIndex];
    return fail('charset',
      `统一社会信用代码第 ${badIndex + 1} 位“${bad}”不是允许的字符（0-9 及除 I、O、Z、S、V 外的大写字母）`,
      `Credit code character ${badIndex + 1} "${bad}" is not allowed (digits and capital letters except I, O, Z, S, V)`);
  }
  const authority = USCC_AUTHORITIES[code.charAt(0)];
  if (!authority) {
    return fail('registration_authority', `统一社会信用代码第 1 位登记管理部门代码“${code.charAt(0)}”不存在`,
      `Credit code registration-authority code "${code.charAt(0)}" (character 1) does not exist`);
  }
  if (!authority.categories.includes(code.charAt(1))) {
    return fail('registration_authority',
      `统一社会信用代码第 2 位机构类别“${code.charAt(1)}”不属于登记管理部门“${authority.zh}”（${code.charAt(0)}）`,
      `Credit code category "${code.charAt(1)}" (character 2) is not one issued by the ${authority.en} authority (${code.charAt(0)})`);
  }
  const expected = computeUsccCheckCharacter(code.slice(0, 17));
  if (code.charAt(17) !== expected) {
    return fail('check_character', `统一社会信用代码校验位错误：应为 ${expected}`,
      `Credit code check character is wrong: expected ${expected}`, expected);
  }
  return { ok: true, code };
}
