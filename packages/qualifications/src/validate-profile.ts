// Checks a profile read from JSON before any rule sees it. Every problem is reported with the field path
// and the rule broken, in Chinese and English; a profile with any problem is rejected whole.
import type { Profile } from './types.ts';
import { ProfileValidationError, type ProfileIssue } from './errors.ts';
import { isIsoDate } from './shared/dates.ts';
import { isValidUscc } from './uscc.ts';

type Rec = Record<string, unknown>;

const IP_KINDS = ['invention', 'utility_model', 'design', 'software_copyright', 'ic_layout', 'plant_variety', 'crop_variety', 'new_drug', 'tcm_protected_grade1'];
const MONEY = ['salesRevenue', 'operatingRevenue', 'mainBusinessRevenue', 'highTechRevenue', 'totalRevenue', 'rdExpense', 'rdExpenseDomestic', 'costsAndExpenses', 'totalAssets', 'totalLiabilities'];
/** 10万亿元: larger amounts are not exact to the fen in a double, and no enterprise reports them. */
const MAX_MONEY = 1e13;
/** Net assets and net profit may be negative. */
const SIGNED_MONEY = ['netAssets', 'netProfit'];
/** [part, whole]: a part can never exceed its whole (a ratio above 100%). */
const PARTS: readonly [string, string][] = [
  ['rdExpenseDomestic', 'rdExpense'],
  ['highTechRevenue', 'totalRevenue'],
  ['mainBusinessRevenue', 'operatingRevenue'],
];

class Checker {
  readonly issues: ProfileIssue[] = [];

  add(field: string, rule: string, zh: string, en: string): void {
    this.issues.push({ field, rule, message: `${field}：${zh}`, message_en: `${field}: ${en}` });
  }

  isRecord(v: unknown): v is Rec {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  }

  object(v: unknown, field: string): Rec | undefined {
    if (v === undefined) return undefined;
    if (!this.isRecord(v)) return this.add(field, 'type_object', '应为对象', 'must be an object'), undefined;
    return v;
  }

  array(v: unknown, field: string): unknown[] | undefined {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return this.add(field, 'type_array', '应为数组', 'must be an array'), undefined;
    return v;
  }

  number(v: unknown, field: string, opts: { min?: number; max?: number; integer?: boolean } = {}): void {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.add(field, 'type_number', '应为数字', 'must be a finite number');
    if (opts.integer && !Number.isInteger(v)) return this.add(field, 'integer', '应为整数', 'must be a whole number');
    if (opts.min !== undefined && v < opts.min)
      return opts.min === 0 ? this.add(field, 'non_negative', '不能为负数', 'must not be negative') : this.add(field, 'min', `不能小于 ${opts.min}`, `must be at least ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) this.add(field, 'max', `不能大于 ${opts.max}`, `must be at most ${opts.max}`);
  }

  string(v: unknown, field: string): void {
    if (v !== undefined && typeof v !== 'string') this.add(field, 'type_string', '应为字符串', 'must be a string');
  }

  boolean(v: unknown, field: string): void {
    if (v !== undefined && typeof v !== 'boolean') this.add(field, 'type_boolean', '应为 true 或 false', 'must be true or false');
  }

  date(v: unknown, field: string, notAfter?: string): void {
    if (v === undefined) return;
    if (typeof v !== 'string' || !isIsoDate(v)) return this.add(field, 'date', '应为有效日期 YYYY-MM-DD', 'must be a valid date YYYY-MM-DD');
    if (notAfter !== undefined && v > notAfter) this.add(field, 'not_future', `不能晚于评价日期 ${notAfter}`, `must not be after the assessment date ${notAfter}`);
  }

  oneOf(v: unknown, field: string, allowed: readonly string[], required: boolean): void {
    if (v === undefined) {
      if (required) this.add(field, 'required', '不能为空', 'is required');
      return;
    }
    if (typeof v !== 'string' || !allowed.includes(v))
      this.add(field, 'one_of', `取值须为 ${allowed.join(' | ')}，收到 ${JSON.stringify(v)}`, `must be one of ${allowed.join(' | ')}, got ${JSON.stringify(v)}`);
  }
}

/**
 * Validates `input` and returns it typed as a Profile. `asOf` is the assessment date used for "not in the
 * future" checks (the profile's own assessedOn when not given).
 */
export function validateProfile(input: unknown, asOf?: string): Profile {
  const c = new Checker();
  if (!c.isRecord(input)) throw new ProfileValidationError(null, [{ field: '(profile)', rule: 'type_object', message: '档案应为 JSON 对象', message_en: 'A profile must be a JSON object' }]);
  const p = input;
  const id = p.id;
  if (typeof id !== 'string' && typeof id !== 'number') c.add('id', 'required', '不能为空，应为字符串', 'is required and must be a string');
  c.string(p.name, 'name');
  c.string(p.uscc, 'uscc');
  if (typeof p.uscc === 'string' && !isValidUscc(p.uscc)) c.add('uscc', 'uscc_checksum', '不是有效的统一社会信用代码（GB 32100-2015）', 'is not a valid unified social credit code (GB 32100-2015)');
  c.date(p.assessedOn, 'assessedOn');
  const ref = asOf ?? (typeof p.assessedOn === 'string' && isIsoDate(p.assessedOn) ? p.assessedOn : undefined);
  c.date(p.foundedOn, 'foundedOn', ref);
  for (const k of ['employees', 'scienceStaff', 'rdStaff']) c.number(p[k], k, { min: 0, integer: true });
  for (const k of ['scienceStaff', 'rdStaff'])
    if (typeof p[k] === 'number' && typeof p.employees === 'number' && p[k] > p.employees)
      c.add(k, 'not_above_employees', `不能多于职工总数 ${p.employees}`, `must not exceed the ${p.employees} employees`);
  c.string(p.techField, 'techField');
  checkFinancials(c, p.financials);
  c.array(p.ip, 'ip')?.forEach((x, i) => {
    const f = `ip[${i}]`;
    const o = c.object(x, f);
    if (!o) return;
    c.oneOf(o.kind, `${f}.kind`, IP_KINDS, true);
    c.oneOf(o.status, `${f}.status`, ['granted', 'pending'], true);
    c.oneOf(o.acquisition, `${f}.acquisition`, ['self', 'transfer', 'gift', 'merger'], false);
  });
  const conv = c.array(p.conversions, 'conversions');
  if (conv && conv.length > 3) c.add('conversions', 'max_length', '最多三个年度的数字', 'at most three yearly numbers');
  conv?.forEach((x, i) => c.number(x, `conversions[${i}]`, { min: 0, integer: true }));
  c.array(p.certificates, 'certificates')?.forEach((x, i) => {
    const o = c.object(x, `certificates[${i}]`);
    if (!o) return;
    if (typeof o.kind !== 'string' || o.kind === '') c.add(`certificates[${i}].kind`, 'required', '不能为空', 'is required');
    for (const k of ['validFrom', 'validUntil']) {
      if (o[k] === undefined) c.add(`certificates[${i}].${k}`, 'required', '不能为空', 'is required');
      c.date(o[k], `certificates[${i}].${k}`);
    }
    if (typeof o.validFrom === 'string' && typeof o.validUntil === 'string' && o.validFrom > o.validUntil)
      c.add(`certificates[${i}].validUntil`, 'date_order', '不能早于 validFrom', 'must not be before validFrom');
  });
  c.array(p.awards, 'awards')?.forEach((x, i) => {
    const o = c.object(x, `awards[${i}]`);
    if (!o) return;
    c.oneOf(o.level, `awards[${i}].level`, ['national', 'provincial'], true);
    c.number(o.rank, `awards[${i}].rank`, { min: 1, integer: true });
    if (o.year === undefined) c.add(`awards[${i}].year`, 'required', '不能为空', 'is required');
    c.number(o.year, `awards[${i}].year`, { min: 1900, max: ref ? Number(ref.slice(0, 4)) : undefined, integer: true });
  });
  c.array(p.rdInstitutions, 'rdInstitutions')?.forEach((x, i) => {
    const o = c.object(x, `rdInstitutions[${i}]`);
    if (o) c.oneOf(o.level, `rdInstitutions[${i}].level`, ['national', 'provincial', 'municipal'], true);
  });
  c.array(p.standards, 'standards')?.forEach((x, i) => {
    const o = c.object(x, `standards[${i}]`);
    if (!o) return;
    c.oneOf(o.level, `standards[${i}].level`, ['international', 'national', 'industry', 'group'], true);
    c.oneOf(o.role, `standards[${i}].role`, ['lead', 'participant'], true);
    c.number(o.year, `standards[${i}].year`, { min: 1900, integer: true });
  });
  c.array(p.equityFinancing, 'equityFinancing')?.forEach((x, i) => {
    const o = c.object(x, `equityFinancing[${i}]`);
    if (!o) return;
    if (o.amount === undefined) c.add(`equityFinancing[${i}].amount`, 'required', '不能为空', 'is required');
    c.number(o.amount, `equityFinancing[${i}].amount`, { min: 0, max: MAX_MONEY });
    if (o.date === undefined) c.add(`equityFinancing[${i}].date`, 'required', '不能为空', 'is required');
    c.date(o.date, `equityFinancing[${i}].date`, ref);
  });
  const inc = c.object(p.incidents, 'incidents');
  if (inc) for (const k of ['majorSafetyOrQuality', 'seriousEnvironmental', 'seriousDishonesty', 'abnormalOperationListed']) c.boolean(inc[k], `incidents.${k}`);
  for (const k of ['industryRestricted', 'listed', 'privatelyFunded']) c.boolean(p[k], k);
  c.number(p.valuationUsd, 'valuationUsd', { min: 0 });
  const hnte = c.object(c.object(p.expert, 'expert')?.hnte, 'expert.hnte');
  if (hnte) {
    c.number(hnte.techAdvancement, 'expert.hnte.techAdvancement', { min: 0, max: 8 });
    c.number(hnte.coreSupport, 'expert.hnte.coreSupport', { min: 0, max: 8 });
    c.number(hnte.rdManagement, 'expert.hnte.rdManagement', { min: 0, max: 20 });
  }
  if (c.issues.length > 0) throw new ProfileValidationError(typeof id === 'string' || typeof id === 'number' ? String(id) : null, c.issues);
  return (typeof id === 'number' ? { ...p, id: String(id) } : p) as unknown as Profile;
}

function checkFinancials(c: Checker, v: unknown): void {
  const seen = new Set<number>();
  c.array(v, 'financials')?.forEach((x, i) => {
    const f = `financials[${i}]`;
    const o = c.object(x, f);
    if (!o) return;
    if (o.year === undefined) c.add(`${f}.year`, 'required', '不能为空', 'is required');
    c.number(o.year, `${f}.year`, { min: 1900, max: 2999, integer: true });
    if (typeof o.year === 'number') {
      if (seen.has(o.year)) c.add(`${f}.year`, 'unique_year', `会计年度 ${o.year} 重复`, `fiscal year ${o.year} is given twice`);
      seen.add(o.year);
    }
    for (const k of MONEY) c.number(o[k], `${f}.${k}`, { min: 0, max: MAX_MONEY });
    for (const k of SIGNED_MONEY) c.number(o[k], `${f}.${k}`, { min: -MAX_MONEY, max: MAX_MONEY });
    for (const [part, whole] of PARTS) {
      const a = o[part];
      const b = o[whole];
      if (typeof a === 'number' && typeof b === 'number' && a >= 0 && b >= 0 && a > b)
        c.add(`${f}.${part}`, 'ratio_above_100', `不能大于 ${whole}（占比超过100%）`, `must not exceed ${whole} (a share above 100%)`);
    }
  });
}
