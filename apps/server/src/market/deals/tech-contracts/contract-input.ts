// Turns a contract as submitted (amounts as fen strings) into the row to store, through the pure rules.
import { DomainError } from '../../../platform/errors/domain-error.ts';
import type { ContractParty, StoredCost, StoredPayment } from '../schema.ts';
import { checkSubtype, computeAmounts, type ContractType } from './contract-rules.ts';

export type PartyInput = { orgId?: string | null; regionCode?: string | null; name: string; uscc: string; districtCode?: string | null };

export type ContractTermsInput = {
  type: ContractType; subtype: string; title: string; field: string; seller: PartyInput; buyer: PartyInput;
  totalFen: bigint; technologyFen?: bigint; nonTechnicalCosts: { item: string; amountFen: bigint }[];
  payments: { dueOn: string; amountFen: bigint }[]; signedOn?: string | null; partiesContractNo?: string | null;
};

export type ContractTermsRow = {
  type: ContractType; subtype: string; title: string; field: string; seller: ContractParty; sellerUscc: string; sellerDistrictCode: string | null;
  buyer: ContractParty; totalFen: bigint; nonTechnicalFen: bigint; technologyFen: bigint; nonTechnicalCosts: StoredCost[];
  payments: StoredPayment[]; signedOn: string | null; partiesContractNo: string | null;
};

export function contractTermsRow(input: ContractTermsInput): ContractTermsRow {
  const subtypeProblem = checkSubtype(input.type, input.subtype);
  if (subtypeProblem) throw new DomainError(subtypeProblem.code, subtypeProblem.field, subtypeProblem.message);
  const result = computeAmounts(input);
  if (!result.ok) throw new DomainError(result.problem.code, result.problem.field, result.problem.message);
  const party = (p: PartyInput): ContractParty => ({ orgId: p.orgId ?? null, regionCode: p.regionCode ?? null, name: p.name, uscc: p.uscc, districtCode: p.districtCode ?? null });
  return {
    type: input.type, subtype: input.subtype, title: input.title, field: input.field,
    seller: party(input.seller), sellerUscc: input.seller.uscc, sellerDistrictCode: input.seller.districtCode ?? null, buyer: party(input.buyer),
    ...result.amounts,
    nonTechnicalCosts: input.nonTechnicalCosts.map((c) => ({ item: c.item, amountFen: c.amountFen.toString() })),
    payments: input.payments.map((p) => ({ dueOn: p.dueOn, amountFen: p.amountFen.toString() })),
    signedOn: input.signedOn ?? null, partiesContractNo: input.partiesContractNo ?? null,
  };
}
