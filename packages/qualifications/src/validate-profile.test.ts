import { describe, expect, test } from 'vitest';
import { ProfileValidationError, type ProfileIssue } from './errors.ts';
import { goodFirm } from './testing/profiles.ts';
import { validateProfile } from './validate-profile.ts';

function issuesOf(input: unknown, asOf?: string): [string, string][] {
  try {
    validateProfile(input, asOf);
  } catch (err) {
    if (err instanceof ProfileValidationError) return err.issues.map((i: ProfileIssue) => [i.field, i.rule]);
    throw err;
  }
  return [];
}

describe('profile validation names the field and the rule', () => {
  test('a complete good profile is accepted as it is', () => {
    const p = goodFirm();
    expect(validateProfile(p)).toBe(p);
  });

  test('wrong types', () => {
    expect(issuesOf({ id: 'a', employees: '100', incidents: { seriousEnvironmental: 'no' } })).toEqual([
      ['employees', 'type_number'],
      ['incidents.seriousEnvironmental', 'type_boolean'],
    ]);
    expect(issuesOf({ id: 'a', financials: {} })).toEqual([['financials', 'type_array']]);
    expect(issuesOf('not a profile')).toEqual([['(profile)', 'type_object']]);
    expect(issuesOf({ name: 'x' })).toEqual([['id', 'required']]);
  });

  test('negative money, except net assets and net profit which may be negative', () => {
    expect(issuesOf({ id: 'a', financials: [{ year: 2024, salesRevenue: -1, netAssets: -5, netProfit: -3 }] })).toEqual([['financials[0].salesRevenue', 'non_negative']]);
    expect(issuesOf({ id: 'a', equityFinancing: [{ amount: -100, date: '2024-01-01' }] })).toEqual([['equityFinancing[0].amount', 'non_negative']]);
  });

  test('an unknown IP kind or status', () => {
    expect(issuesOf({ id: 'a', ip: [{ kind: 'trademark', status: 'granted' }, { kind: 'invention', status: 'valid' }] })).toEqual([
      ['ip[0].kind', 'one_of'],
      ['ip[1].status', 'one_of'],
    ]);
  });

  test('bad dates, a founding date after the assessment, a certificate ending before it starts', () => {
    expect(issuesOf({ id: 'a', foundedOn: '2023-02-29', assessedOn: '2025-13-01' })).toEqual([
      ['assessedOn', 'date'],
      ['foundedOn', 'date'],
    ]);
    expect(issuesOf({ id: 'a', foundedOn: '2025-07-01' }, '2025-06-30')).toEqual([['foundedOn', 'not_future']]);
    expect(issuesOf({ id: 'a', certificates: [{ kind: 'hnte', validFrom: '2025-01-01', validUntil: '2024-12-31' }] })).toEqual([['certificates[0].validUntil', 'date_order']]);
  });

  test('science staff above employees, and a share above 100%', () => {
    expect(issuesOf({ id: 'a', employees: 10, scienceStaff: 11 })).toEqual([['scienceStaff', 'not_above_employees']]);
    expect(issuesOf({ id: 'a', financials: [{ year: 2024, highTechRevenue: 101, totalRevenue: 100 }] })).toEqual([['financials[0].highTechRevenue', 'ratio_above_100']]);
  });

  test('a fiscal year given twice', () => {
    expect(issuesOf({ id: 'a', financials: [{ year: 2024 }, { year: 2024 }] })).toEqual([['financials[1].year', 'unique_year']]);
  });

  test('an invalid unified social credit code; a valid one passes', () => {
    expect(issuesOf({ id: 'a', uscc: '91410300MA44XXXXX1' })).toEqual([['uscc', 'uscc_checksum']]);
    expect(issuesOf({ id: 'a', uscc: '91350100M000100Y43' })).toEqual([]);
  });

  test('expert scores outside their bands', () => {
    expect(issuesOf({ id: 'a', expert: { hnte: { techAdvancement: 9, rdManagement: 21 } } })).toEqual([
      ['expert.hnte.techAdvancement', 'max'],
      ['expert.hnte.rdManagement', 'max'],
    ]);
  });

  test('messages are given in Chinese and English', () => {
    try {
      validateProfile({ id: 'a', employees: -1 });
    } catch (err) {
      const issue = (err as ProfileValidationError).issues[0]!;
      expect(issue.message).toBe('employees：不能为负数');
      expect(issue.message_en).toBe('employees: must not be negative');
      return;
    }
    throw new Error('expected a validation error');
  });
});
