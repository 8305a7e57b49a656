// Patents attached to an achievement (附属知识产权): the number's format and check digit, and the legal status.
// Pure. Sources: 《专利申请号标准》(ZC 0006-2003) — an application number (申请号) is year (4 digits; 2 before
// October 2003), the application type (1 invention, 2 utility model, 3 design, 8/9 PCT invention/utility model
// entering China) and a serial (7 digits; 5 before), then a check digit: the digits times 2, 3, 4, …, 9, 2, 3, …
// summed, mod 11, with 10 written X. A granted patent's number (专利号) is "ZL" + the application number;
// "CN" + the application number is also common. Publication numbers (公开/公告号: CN112345678A, CN212345678U)
// have no check digit; their kind code (A, B, C, U, Y, S) is checked. Publication numbers of other offices
// (an achievement of a Chinese university may be patented abroad too: US10123456B2, EP1234567B1,
// WO2019123456A1, JP2019123456A, KR1020190012345A, DE102019123456A1) are checked for their shape only —
// the office's code, 5–13 digits, an optional kind code — since they carry no check digit; slashes and
// commas written inside them (WO2019/123456, US 10,123,456 B2) are dropped.
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { AttachedPatent, ListingKind } from '../schema.ts';

export const PATENT_STATUSES = ['granted', 'pending', 'lapsed', 'other'] as const;
export type PatentStatus = (typeof PATENT_STATUSES)[number];

const APPLICATION = /^(ZL|CN)?(\d{8}|\d{12})\.?([0-9X])$/;
const PUBLICATION = /^CN\d{7,9}[ABCUSY]\d?$/;
const APPLICATION_TYPES = new Set(['1', '2', '3', '8', '9']);
/** WIPO ST.3 codes of the offices whose publications a listing is likely to cite. */
const FOREIGN_OFFICES = ['US', 'EP', 'WO', 'JP', 'KR', 'DE', 'GB', 'FR', 'CA', 'AU', 'RU', 'TW', 'HK', 'IN', 'CH', 'SE', 'IT', 'ES', 'NL', 'BR', 'SG', 'IL', 'AT'];
const FOREIGN_PUBLICATION = new RegExp(`^(${FOREIGN_OFFICES.join('|')})\\d{5,13}([A-Z]\\d?)?$`);

export function applicationCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) sum += Number(digits[i]) * (2 + (i % 8));
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export type PatentProblem = { code: string; part: 'number' | 'status'; zh: string; en: string };

/** The number as stored (upper case, no spaces, a dot before the check digit), or what is wrong with it. */
export function normalisePatentNumber(raw: string): { ok: true; number: string } | { ok: false; problem: PatentProblem } {
  const text = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const app = APPLICATION.exec(text);
  if (app) {
    const [, prefix = '', digits = '', check = ''] = app;
    const typeDigit = digits.length === 12 ? digits[4]! : digits[2]!;
    if (!APPLICATION_TYPES.has(typeDigit)) {
      return bad('patent_number_type', 'number', `专利申请号第 ${digits.length === 12 ? 5 : 3} 位为申请类型，须为 1、2、3、8 或 9（当前为 ${typeDigit}）`,
        `The application type digit (position ${digits.length === 12 ? 5 : 3}) must be 1, 2, 3, 8 or 9 (it is ${typeDigit})`);
    }
    const expected = applicationCheckDigit(digits);
    if (check !== expected) {
      return bad('patent_check_digit', 'number', `专利申请号 ${digits} 的校验位应为 ${expected}，不是 ${check}，请核对号码`,
        `The check digit of application number ${digits} is ${expected}, not ${check}: check the number`);
    }
    return { ok: true, number: `${prefix}${digits}.${check}` };
  }
  if (PUBLICATION.test(text)) return { ok: true, number: text };
  const foreign = text.replace(/[/,]/g, '');
  if (FOREIGN_PUBLICATION.test(foreign)) return { ok: true, number: foreign };
  return bad('patent_number_format', 'number', '专利号格式不正确：应为申请号或专利号（如 201710601862.3、ZL201710601862.3）或公开/公告号（如 CN112345678A、US10123456B2）',
    'Not a patent number: give the application or patent number (e.g. 201710601862.3, ZL201710601862.3) or the publication number (e.g. CN112345678A, US10123456B2)');
}

/** The patents to store for a listing, or a DomainError on `patents.<i>.number` / `patents.<i>.status`. */
export function validatePatents(kind: ListingKind, patents: readonly { number: string; status: string }[]): AttachedPatent[] {
  if (kind === 'demand' && patents.length > 0) {
    throw new DomainError('demand_has_patents', 'patents', { zh: '技术需求不附专利；专利请附在科技成果上', en: 'A demand has no patents; attach patents to an achievement' });
  }
  const seen = new Map<string, number>();
  return patents.map((p, i) => {
    const number = normalisePatentNumber(p.number);
    if (!number.ok) throw problemAt(i, number.problem);
    if (!(PATENT_STATUSES as readonly string[]).includes(p.status)) {
      throw problemAt(i, { code: 'patent_status_invalid', part: 'status', zh: '法律状态须为：有效（已授权）、审中、失效或其他', en: 'The legal status must be granted, pending, lapsed or other' });
    }
    if (number.number.startsWith('ZL') && p.status === 'pending') {
      throw problemAt(i, { code: 'patent_status_mismatch', part: 'status', zh: '以 ZL 开头的是授权后的专利号，法律状态不能为审中', en: 'A number starting with ZL is a granted patent: its status cannot be pending' });
    }
    // The same application under ZL, CN or no prefix is one patent.
    const key = number.number.replace(/^(ZL|CN)(?=\d{8,12}\.)/, '');
    const first = seen.get(key);
    if (first !== undefined) {
      throw problemAt(i, { code: 'patent_duplicate', part: 'number', zh: `该专利与第 ${first + 1} 项重复`, en: `This patent repeats item ${first + 1}` });
    }
    seen.set(key, i);
    return { number: number.number, status: p.status as PatentStatus };
  });
}

function bad(code: string, part: PatentProblem['part'], zh: string, en: string): { ok: false; problem: PatentProblem } {
  return { ok: false, problem: { code, part, zh, en } };
}

function problemAt(i: number, p: PatentProblem): DomainError {
  return new DomainError(p.code, `patents.${i}.${p.part}`, { zh: `第 ${i + 1} 项专利：${p.zh}`, en: `Patent ${i + 1}: ${p.en}` });
}
