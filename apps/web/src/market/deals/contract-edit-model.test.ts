import { expect, test } from 'vitest';
import { editBody, formNameOf, isBlockName, valuesOf, type EditableContract } from './contract-edit-model.ts';

const draft: EditableContract = {
  type: 'transfer', subtype: 'other', title: '轴承寿命预测技术', field: '高端轴承',
  seller: { orgId: 's-org', name: '洛阳某大学', uscc: '12410300000000000X' }, buyer: { orgId: 'b-org', name: '某企业', uscc: '91410300MA00000000' },
  totalFen: '10000000', technologyFen: '10000000', nonTechnicalCosts: [], payments: [{ dueOn: '2026-01-30', amountFen: '10000000' }], signedOn: null, partiesContractNo: null,
};

test('a draft from a deal round-trips: platform parties by id, yuan back to fen', () => {
  const r = editBody(valuesOf(draft));
  expect(r).toEqual({ ok: true, body: {
    type: 'transfer', subtype: 'other', title: '轴承寿命预测技术', field: '高端轴承', seller: { orgId: 's-org' }, buyer: { orgId: 'b-org' },
    totalFen: '10000000', nonTechnicalCosts: [], payments: [{ dueOn: '2026-01-30', amountFen: '10000000' }], signedOn: null, partiesContractNo: null,
  } });
});

test('costs, a stated technology amount and two instalments are sent exactly', () => {
  const v = { ...valuesOf(draft), totalYuan: '120,000', technologyYuan: '100000.00', nonTechnicalCosts: [{ item: ' 检测设备 ', amountYuan: '20000' }],
    payments: [{ dueOn: '2026-01-15', amountYuan: '60000' }, { dueOn: '2026-06-30', amountYuan: '60000' }] };
  const r = editBody(v);
  expect(r.ok && r.body).toMatchObject({ totalFen: '12000000', technologyFen: '10000000', nonTechnicalCosts: [{ item: '检测设备', amountFen: '2000000' }],
    payments: [{ amountFen: '6000000' }, { amountFen: '6000000' }] });
});

test('each broken rule lands on its field', () => {
  const names = (v: Parameters<typeof editBody>[0]) => {
    const r = editBody(v);
    return r.ok ? [] : r.problems.map((p) => `${p.name.join('.')}:${p.key}`);
  };
  const base = valuesOf(draft);
  expect(names({ ...base, technologyYuan: '100000.01' })).toEqual(['technologyYuan:cedit.rule.exceeds']);
  expect(names({ ...base, technologyYuan: '90000', nonTechnicalCosts: [{ item: '设备', amountYuan: '5000' }] })).toEqual(['technologyYuan:cedit.rule.mismatch']);
  expect(names({ ...base, payments: [{ dueOn: '2026-01-30', amountYuan: '99999.99' }] })).toEqual(['payments:cedit.rule.paymentsSum']);
  expect(names({ ...base, payments: [] })).toEqual(['payments:cedit.rule.paymentsEmpty']);
  expect(names({ ...base, payments: [{ dueOn: '2026-06-30', amountYuan: '50000' }, { dueOn: '2026-01-30', amountYuan: '50000' }] })).toEqual(['payments.1.dueOn:cedit.rule.order']);
  expect(names({ ...base, totalYuan: '10万' })).toEqual(['totalYuan:cedit.rule.amount']);
  expect(names({ ...base, nonTechnicalCosts: [{ item: '设备', amountYuan: '200000' }] })).toEqual(['nonTechnicalCosts:cedit.rule.costsExceed']);
  expect(names({ ...base, buyer: { orgId: null, name: '外部企业', uscc: '9141' } })).toEqual(['buyer.uscc:cedit.rule.uscc']);
});

test("the server's error fields map onto the form", () => {
  expect(formNameOf('payments.1.dueOn')).toEqual(['payments', 1, 'dueOn']);
  expect(formNameOf('nonTechnicalCosts.0.amountFen')).toEqual(['nonTechnicalCosts', 0, 'amountYuan']);
  expect(formNameOf('technologyFen')).toEqual(['technologyYuan']);
  expect(formNameOf('field')).toEqual(['field']); // contract_field_unknown lands on the field select
  expect(formNameOf('seller.uscc')).toEqual(['seller', 'uscc']);
  expect(formNameOf('buyer.orgId')).toEqual(['buyer']);
  expect(formNameOf(null)).toBeNull();
  expect(isBlockName(['payments'])).toBe(true);
  expect(isBlockName(['payments', 0, 'dueOn'])).toBe(false);
});
