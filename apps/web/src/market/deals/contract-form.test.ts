import { expect, test } from 'vitest';
import { contractBody, type ContractFormValues } from './contract-form.ts';

const values: ContractFormValues = {
  type: 'service', subtype: 'training', title: ' 检测技术培训 ', field: '光电元器件', ourSide: 'buyer', counterpartyName: '某培训中心',
  counterpartyUscc: '91410300ma0000001x', totalYuan: '12,000.50', nonTechnicalYuan: '2000', dueOn: '2025-09-30', partiesContractNo: '',
};

test('our organisation takes the chosen side; the amounts become fen; one instalment covers the total', () => {
  const r = contractBody(values, 'org-1');
  expect(r).toEqual({ ok: true, body: {
    type: 'service', subtype: 'training', title: '检测技术培训', field: '光电元器件',
    seller: { name: '某培训中心', uscc: '91410300MA0000001X' }, buyer: { orgId: 'org-1' }, totalFen: '1200050',
    nonTechnicalCosts: [{ item: '非技术性费用', amountFen: '200000' }], payments: [{ dueOn: '2025-09-30', amountFen: '1200050' }],
  } });
});

test('a missing or malformed amount names its field; the server judges the rest', () => {
  expect(contractBody({ ...values, totalYuan: '' }, 'o')).toEqual({ ok: false, field: 'totalYuan' });
  expect(contractBody({ ...values, nonTechnicalYuan: '1.234' }, 'o')).toEqual({ ok: false, field: 'nonTechnicalYuan' });
  const exceeding = contractBody({ ...values, totalYuan: '100', nonTechnicalYuan: '200' }, 'o');
  expect(exceeding.ok).toBe(true);
});
