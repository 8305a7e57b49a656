import { describe, expect, test } from 'vitest';
import type { Profile, RuleResult } from '../../types.ts';
import { AS_OF, goodFirm, year } from '../../testing/profiles.ts';
import { evaluateTechSme } from './tech-sme.ts';

const run = (p: Profile, asOf = AS_OF): RuleResult => evaluateTechSme(p, { assessedOn: asOf });
const crit = (r: RuleResult, id: string) => {
  const c = r.criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no criterion ${id}`);
  return c;
};
/** A firm whose latest year has the given R&D, sales and costs, the rest as the good firm. */
const withRd = (rdExpense: number, salesRevenue: number, costsAndExpenses: number, over: Partial<Profile> = {}): Profile =>
  goodFirm({ financials: [year(2024, { rdExpense, salesRevenue, costsAndExpenses })], ...over });

describe('tech-sme basic conditions (国科发政〔2017〕115号 第六条)', () => {
  test('500 employees is allowed, 501 is not', () => {
    expect(crit(run(goodFirm({ employees: 500, scienceStaff: 150 })), 'employees').status).toBe('met');
    const r = run(goodFirm({ employees: 501, scienceStaff: 150 }));
    expect(crit(r, 'employees').status).toBe('unmet');
    expect(r.outcome).toBe('not_qualified');
    expect(r.gaps.map((g) => g.criterion)).toContain('employees');
  });

  test('sales of exactly 2亿 and assets of exactly 2亿 are within the limits; one fen more is not', () => {
    const at = run(goodFirm({ financials: [year(2024, { salesRevenue: 200_000_000, totalAssets: 200_000_000 })] }));
    expect(crit(at, 'sales_revenue').status).toBe('met');
    expect(crit(at, 'total_assets').status).toBe('met');
    const over = run(goodFirm({ financials: [year(2024, { salesRevenue: 200_000_000.01, totalAssets: 200_000_000.01 })] }));
    expect(crit(over, 'sales_revenue').status).toBe('unmet');
    expect(crit(over, 'total_assets').status).toBe('unmet');
  });

  test('a restricted industry or an abnormal-operation listing fails the rule', () => {
    expect(run(goodFirm({ industryRestricted: true })).outcome).toBe('not_qualified');
    const listed = goodFirm({ incidents: { majorSafetyOrQuality: false, seriousEnvironmental: false, seriousDishonesty: false, abnormalOperationListed: true } });
    expect(crit(run(listed), 'no_incidents').status).toBe('unmet');
  });

  test('missing incident data is unknown and the outcome undetermined, never a guess', () => {
    const { incidents: _omit, ...rest } = goodFirm();
    const r = run(rest as Profile);
    expect(crit(r, 'no_incidents').status).toBe('unknown');
    expect(r.outcome).toBe('undetermined');
  });
});

describe('tech-sme R&D investment: the better of two options (附件 指标二)', () => {
  test('R&D of exactly 6% of sales scores the full 50 points', () => {
    expect(crit(run(withRd(600_000, 10_000_000, 100_000_000)), 'rd_investment').points).toBe(50);
  });

  test('R&D one fen below 6% of sales scores 40', () => {
    expect(crit(run(withRd(599_999.99, 10_000_000, 100_000_000)), 'rd_investment').points).toBe(40);
  });

  test('2% of sales (10 points) but 30% of costs (50 points): the cost option counts', () => {
    const c = crit(run(withRd(600_000, 30_000_000, 2_000_000)), 'rd_investment');
    expect(c.points).toBe(50);
    expect(c.value).toBe(30);
  });

  test('R&D below 2% of sales and below 10% of costs scores 0', () => {
    expect(crit(run(withRd(100_000, 10_000_000, 1_100_000)), 'rd_investment').points).toBe(0);
  });

  test('with costs missing, the better option is a range from the sales option up to 50', () => {
    const p = goodFirm({ financials: [{ year: 2024, rdExpense: 300_000, salesRevenue: 10_000_000, totalAssets: 1, netAssets: 1 }] });
    const c = crit(run(p), 'rd_investment');
    expect(c.points).toEqual({ min: 20, max: 50 });
    expect(c.status).toBe('unknown');
  });
});

describe('tech-sme science staff and IP (附件 指标一、三)', () => {
  test('science staff of exactly 10% scores 4; just below scores 0 and fails even with 80 points elsewhere', () => {
    expect(crit(run(goodFirm({ employees: 100, scienceStaff: 10 })), 'science_staff').points).toBe(4);
    const r = run(goodFirm({ employees: 100, scienceStaff: 9 }));
    expect(crit(r, 'science_staff').points).toBe(0);
    expect(r.score).toBe(80);
    expect(crit(r, 'score').status).toBe('unmet');
    expect(r.outcome).toBe('not_qualified');
    expect(r.gaps.find((g) => g.criterion === 'science_staff')?.shortfall).toBe(1);
  });

  test('one class-I IP scores 30; four class-II score 24; three score 18', () => {
    const ip = (kinds: Profile['ip']) => crit(run(goodFirm({ ip: kinds })), 'ip').points;
    expect(ip([{ kind: 'ic_layout', status: 'granted' }])).toBe(30);
    expect(ip(Array.from({ length: 4 }, () => ({ kind: 'design' as const, status: 'granted' as const })))).toBe(24);
    expect(ip(Array.from({ length: 3 }, () => ({ kind: 'software_copyright' as const, status: 'granted' as const })))).toBe(18);
  });

  test('a pending invention patent does not count', () => {
    expect(crit(run(goodFirm({ ip: [{ kind: 'invention', status: 'pending' }] })), 'ip').points).toBe(0);
  });

  test('a score of exactly 60 passes: science 20% (12) + R&D 4% of sales (30) + three class-II IP (18)', () => {
    const three = [{ kind: 'utility_model', status: 'granted' }, { kind: 'design', status: 'granted' }, { kind: 'design', status: 'granted' }] as const;
    const p = withRd(400_000, 10_000_000, 100_000_000, { employees: 100, scienceStaff: 20, ip: [...three] });
    const r = run(p);
    expect(r.score).toBe(60);
    expect(r.outcome).toBe('qualified');
    const fewer = run({ ...p, ip: three.slice(0, 2) });
    expect(fewer.score).toBe(54);
    expect(fewer.outcome).toBe('not_qualified');
    expect(fewer.gaps.find((g) => g.criterion === 'score')?.shortfall).toBe(6);
  });
});

describe('tech-sme direct pass (第七条)', () => {
  const weak = (over: Partial<Profile>) => goodFirm({ ip: [], financials: [year(2024, { rdExpense: 0 })], ...over });

  test('a weak firm fails on score alone', () => {
    expect(run(weak({})).outcome).toBe('not_qualified');
  });

  test('a high-tech certificate valid on the assessment date passes directly; one expired the day before does not', () => {
    const valid = run(weak({ certificates: [{ kind: 'hnte', validFrom: '2022-06-30', validUntil: AS_OF }] }));
    expect(crit(valid, 'direct_pass').status).toBe('met');
    expect(valid.outcome).toBe('qualified');
    const expired = run(weak({ certificates: [{ kind: 'hnte', validFrom: '2022-06-29', validUntil: '2025-06-29' }] }));
    expect(expired.outcome).toBe('not_qualified');
  });

  test('a national award counts when the firm ranked in the top three within the last five years', () => {
    expect(run(weak({ awards: [{ level: 'national', rank: 3, year: 2021 }] })).outcome).toBe('qualified');
    expect(run(weak({ awards: [{ level: 'national', rank: 4, year: 2024 }] })).outcome).toBe('not_qualified');
    expect(run(weak({ awards: [{ level: 'national', rank: 1, year: 2020 }] })).outcome).toBe('not_qualified');
  });

  test('a provincial R&D institution or a led industry standard passes directly; a municipal one does not', () => {
    expect(run(weak({ rdInstitutions: [{ level: 'provincial' }] })).outcome).toBe('qualified');
    expect(run(weak({ rdInstitutions: [{ level: 'municipal' }] })).outcome).toBe('not_qualified');
    expect(run(weak({ standards: [{ level: 'industry', role: 'lead', year: 2023 }] })).outcome).toBe('qualified');
    expect(run(weak({ standards: [{ level: 'industry', role: 'participant', year: 2023 }] })).outcome).toBe('not_qualified');
  });

  test('the direct pass does not excuse the basic conditions', () => {
    const r = run(weak({ employees: 800, scienceStaff: 100, certificates: [{ kind: 'hnte', validFrom: '2024-01-01', validUntil: '2026-12-31' }] }));
    expect(r.outcome).toBe('not_qualified');
  });
});
