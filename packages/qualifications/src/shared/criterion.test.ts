import { expect, test } from 'vitest';
import { evaluateHnte } from '../packs/hnte/hnte.ts';
import { AS_OF, goodFirm } from '../testing/profiles.ts';
import { crit } from '../testing/find.ts';

test('a criterion serialises with both messages, in the order of the issue', () => {
  const c = crit(evaluateHnte(goodFirm(), { assessedOn: AS_OF }), 'science_staff_ratio');
  expect(JSON.parse(JSON.stringify(c))).toEqual({
    id: 'science_staff_ratio',
    status: 'met',
    value: 30,
    threshold: '≥ 10%',
    points: null,
    message: '科技人员占职工总数 30%（30/100）≥ 10%',
    message_en: 'Science staff 30% of employees (30/100) ≥ 10%',
  });
  expect(Object.keys(JSON.parse(JSON.stringify(c)))).toEqual(['id', 'status', 'value', 'threshold', 'points', 'message', 'message_en']);
});

test('messages rendered late still describe the profile as it was evaluated', () => {
  const p = goodFirm();
  const r = evaluateHnte(p, { assessedOn: AS_OF });
  p.scienceStaff = 1;
  p.foundedOn = '2025-01-01';
  expect(crit(r, 'science_staff_ratio').message).toContain('30/100');
  expect(crit(r, 'registered_one_year').message).toContain('2015-03-01');
});
