// The "record a contract" form's values → the API body. Pure, so the arithmetic and validation are tested.
import { yuanToFen } from './money.ts';

export type ContractFormValues = {
  type: string; subtype: string; title: string; field: string; ourSide: 'seller' | 'buyer';
  counterpartyName: string; counterpartyUscc: string; totalYuan: string; nonTechnicalYuan: string; dueOn: string; partiesContractNo: string;
};

export type ContractRequestBody = {
  type: string; subtype: string; title: string; field: string; seller: Record<string, string>; buyer: Record<string, string>;
  totalFen: string; nonTechnicalCosts: { item: string; amountFen: string }[]; payments: { dueOn: string; amountFen: string }[];
  partiesContractNo?: string;
};

/** null with the name of the first bad field, or the body: one instalment of the whole total on the due date. */
export function contractBody(v: ContractFormValues, ownOrgId: string): { ok: true; body: ContractRequestBody } | { ok: false; field: keyof ContractFormValues } {
  const totalFen = yuanToFen(v.totalYuan);
  if (!totalFen || totalFen === '0') return { ok: false, field: 'totalYuan' };
  const nonTechFen = v.nonTechnicalYuan.trim() === '' ? '0' : yuanToFen(v.nonTechnicalYuan);
  if (nonTechFen === null) return { ok: false, field: 'nonTechnicalYuan' };
  const us = { orgId: ownOrgId };
  const them = { name: v.counterpartyName.trim(), uscc: v.counterpartyUscc.trim().toUpperCase() };
  return {
    ok: true,
    body: {
      type: v.type, subtype: v.subtype, title: v.title.trim(), field: v.field.trim(),
      seller: v.ourSide === 'seller' ? us : them, buyer: v.ourSide === 'seller' ? them : us, totalFen,
      nonTechnicalCosts: nonTechFen === '0' ? [] : [{ item: '非技术性费用', amountFen: nonTechFen }],
      payments: [{ dueOn: v.dueOn, amountFen: totalFen }],
      ...(v.partiesContractNo.trim() ? { partiesContractNo: v.partiesContractNo.trim() } : {}),
    },
  };
}

export const SUBTYPES: Record<string, readonly string[]> = {
  development: ['commissioned', 'cooperative'],
  transfer: ['patent', 'patent_application', 'technical_secret', 'other'],
  licence: ['patent', 'technical_secret', 'other'],
  consulting: ['general'],
  service: ['general', 'training', 'intermediary'],
};
