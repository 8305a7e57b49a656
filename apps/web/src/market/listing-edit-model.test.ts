import { expect, test } from 'vitest';
import { filledPatentRows, listingFormField, listingPatch, listingValuesOf } from './listing-edit-model.ts';
import type { Listing } from './market-api.ts';

const achievement = {
  id: 'l1', regionCode: '410300', kind: 'achievement', ownerOrgId: 'o1', ownerName: null, title: '石墨烯散热膜', summary: '一种制备方法', field: '电子显示材料',
  keywords: ['石墨烯', '散热'], trl: 6, patents: [], transferModes: ['licence'], priceFen: '50000000', budgetMinFen: null, budgetMaxFen: null, deadline: null,
  files: [], districtCode: null, status: 'draft', statusReason: null, createdAt: '', updatedAt: '', publishedAt: null,
} as unknown as Listing;

test('a draft round-trips through the form: keywords split on Chinese and Western separators, yuan back to fen', () => {
  const v = listingValuesOf(achievement);
  expect(v).toMatchObject({ keywords: '石墨烯、散热', amount: '500000.00', trl: 6 });
  expect(listingPatch('achievement', { ...v, keywords: '石墨烯, 导热膜；散热' })).toEqual({ ok: true, body: {
    title: '石墨烯散热膜', summary: '一种制备方法', field: '电子显示材料', keywords: ['石墨烯', '导热膜', '散热'], trl: 6, transferModes: ['licence'], priceFen: '50000000', patents: [],
  } });
});

test('an empty amount is 面议; a malformed one names the field; a demand sends its budget and deadline', () => {
  expect(listingPatch('achievement', { ...listingValuesOf(achievement), amount: '' })).toMatchObject({ ok: true, body: { priceFen: null } });
  expect(listingPatch('achievement', { ...listingValuesOf(achievement), amount: '五十万' })).toEqual({ ok: false, field: 'amount' });
  const demand = listingPatch('demand', { ...listingValuesOf(achievement), amount: '20000', deadline: '2026-12-31' });
  expect(demand).toMatchObject({ ok: true, body: { budgetMaxFen: '2000000', deadline: '2026-12-31' } });
  expect(demand.ok && 'priceFen' in demand.body).toBe(false);
});

test('patents round-trip; rows left without a number are not sent; a demand sends none', () => {
  const withPatents = { ...achievement, patents: [{ number: 'ZL201710601862.3', status: 'granted' }] } as Listing;
  const v = listingValuesOf(withPatents);
  expect(v.patents).toEqual([{ number: 'ZL201710601862.3', status: 'granted' }]);
  const rows = [...v.patents, { number: '  ', status: 'granted' }, { number: ' CN112345678A ', status: 'pending' }];
  expect(listingPatch('achievement', { ...v, patents: rows })).toMatchObject({ ok: true, body: { patents: [
    { number: 'ZL201710601862.3', status: 'granted' }, { number: 'CN112345678A', status: 'pending' },
  ] } });
  expect(filledPatentRows(rows)).toHaveLength(2);
  const demand = listingPatch('demand', { ...v, patents: rows });
  expect(demand.ok && 'patents' in demand.body).toBe(false);
});

test("the server's fields map to the form's", () => {
  expect(listingFormField('patents.1.number')).toEqual(['patents', 1, 'number']);
  expect(listingFormField('patents.0.status')).toEqual(['patents', 0, 'status']);
  expect(listingFormField('patents')).toBeNull(); // not one row: shown above the form
  expect(listingFormField('priceFen')).toBe('amount');
  expect(listingFormField('keywords.3')).toBe('keywords');
  expect(listingFormField('trl')).toBe('trl');
  expect(listingFormField('status')).toBeNull();
});
