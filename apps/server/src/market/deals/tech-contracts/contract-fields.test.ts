import { expect, test } from 'vitest';
import { ContractTermsRequest } from '../contracts.ts';
import { CONTRACT_FIELDS } from './contract-fields.ts';
import { TECHNOLOGY_FIELDS } from './technology-fields.ts';

test('every field of the contract request is in the dictionary, and the dictionary names no other', () => {
  const requestKeys = Object.keys(ContractTermsRequest.shape).sort();
  const top = [...new Set(CONTRACT_FIELDS.map((f) => f.key.split('.')[0]!))].sort();
  expect(top).toEqual(requestKeys);
});

test('required in the dictionary means required by the request schema', () => {
  for (const f of CONTRACT_FIELDS.filter((x) => !x.key.includes('.'))) {
    const schema = ContractTermsRequest.shape[f.key as keyof typeof ContractTermsRequest.shape];
    // A field the form may leave out is optional (or has a default) in the schema.
    expect(schema.safeParse(undefined).success, f.key).toBe(!f.required);
  }
});

test('each entry explains itself in both languages', () => {
  for (const f of CONTRACT_FIELDS) for (const text of [f.label, f.meaning, f.rule]) expect(text.zh && text.en, f.key).toBeTruthy();
});

test('the technology field\'s rule names every field of the official list, in both languages', () => {
  const rule = CONTRACT_FIELDS.find((f) => f.key === 'field')!.rule;
  expect(TECHNOLOGY_FIELDS.map((f) => f.zh)).toContain('高端轴承');
  for (const f of TECHNOLOGY_FIELDS) {
    expect(rule.zh).toContain(f.zh);
    expect(rule.en).toContain(f.en);
  }
});

test('the dictionary and the official types are served to anyone, for the form', async () => {
  const { createTestApp } = await import('../../../../test/test-app.ts');
  const t = await createTestApp();
  try {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/market/contract-fields' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { fields: { key: string }[]; types: { key: string; label: { zh: string }; subtypes: { key: string }[] }[]; technologyFields: { zh: string; en: string }[] };
    expect(body.fields.map((f) => f.key)).toEqual(CONTRACT_FIELDS.map((f) => f.key));
    expect(body.technologyFields).toEqual(TECHNOLOGY_FIELDS);
    expect(body.types.map((x) => x.label.zh)).toEqual(['技术开发', '技术转让', '技术许可', '技术咨询', '技术服务']);
    expect(body.types.find((x) => x.key === 'service')!.subtypes.map((s) => s.key)).toEqual(['general', 'training', 'intermediary']);
  } finally {
    await t.close();
  }
});
