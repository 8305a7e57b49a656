// The contract draft form: a contract ↔ form values, the checks the browser can make before sending (the
// same rules the server applies, so the user sees them on the fields at once), and where a server error's
// `field` belongs on the form. Pure, so it is tested without a browser.
import type { MessageKey } from '../../i18n/messages.ts';
import { fenToYuan, yuanToFen } from './money.ts';

export type PartyValues = { orgId: string | null; name: string; uscc: string };
export type EditValues = {
  type: string; subtype: string; title: string; field: string; seller: PartyValues; buyer: PartyValues;
  totalYuan: string; technologyYuan: string; nonTechnicalCosts: { item: string; amountYuan: string }[];
  payments: { dueOn: string; amountYuan: string }[]; signedOn: string; partiesContractNo: string;
};

export type EditableContract = {
  type: string; subtype: string; title: string; field: string; seller: { orgId: string | null; name: string; uscc: string }; buyer: { orgId: string | null; name: string; uscc: string };
  totalFen: string; technologyFen: string; nonTechnicalCosts: { item: string; amountFen: string }[]; payments: { dueOn: string; amountFen: string }[];
  signedOn: string | null; partiesContractNo: string | null;
};

export type FormName = (string | number)[];
export type FieldProblem = { name: FormName; key: MessageKey; params?: Record<string, string> };

type Party = { orgId: string } | { name: string; uscc: string };
export type ContractTermsBody = {
  type: string; subtype: string; title: string; field: string; seller: Party; buyer: Party; totalFen: string; technologyFen?: string;
  nonTechnicalCosts: { item: string; amountFen: string }[]; payments: { dueOn: string; amountFen: string }[]; signedOn: string | null; partiesContractNo: string | null;
};

const plain = (fen: string) => fenToYuan(fen).replace(/,/g, '');

export function valuesOf(c: EditableContract): EditValues {
  const party = (p: EditableContract['seller']): PartyValues => ({ orgId: p.orgId, name: p.name, uscc: p.uscc });
  return {
    type: c.type, subtype: c.subtype, title: c.title, field: c.field, seller: party(c.seller), buyer: party(c.buyer),
    totalYuan: plain(c.totalFen), technologyYuan: c.nonTechnicalCosts.length > 0 ? plain(c.technologyFen) : '',
    nonTechnicalCosts: c.nonTechnicalCosts.map((x) => ({ item: x.item, amountYuan: plain(x.amountFen) })),
    payments: c.payments.map((p) => ({ dueOn: p.dueOn, amountYuan: plain(p.amountFen) })),
    signedOn: c.signedOn ?? '', partiesContractNo: c.partiesContractNo ?? '',
  };
}

/** The request body, or every problem the browser can see, each on its form field. */
export function editBody(v: EditValues): { ok: true; body: ContractTermsBody } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const amount = (text: string, name: FormName): bigint | null => {
    const fen = yuanToFen(text);
    if (fen === null) { problems.push({ name, key: 'cedit.rule.amount' }); return null; }
    return BigInt(fen);
  };
  for (const side of ['seller', 'buyer'] as const) {
    if (v[side].orgId === null && v[side].uscc.trim().length !== 18) problems.push({ name: [side, 'uscc'], key: 'cedit.rule.uscc' });
  }
  const total = amount(v.totalYuan, ['totalYuan']);
  if (total === 0n) problems.push({ name: ['totalYuan'], key: 'cedit.rule.amount' });
  const costs = v.nonTechnicalCosts.map((c, i) => amount(c.amountYuan, ['nonTechnicalCosts', i, 'amountYuan']));
  const technology = v.technologyYuan.trim() === '' ? undefined : amount(v.technologyYuan, ['technologyYuan']);
  const payments = v.payments.map((p, i) => {
    if (!p.dueOn) problems.push({ name: ['payments', i, 'dueOn'], key: 'cedit.rule.date' });
    return amount(p.amountYuan, ['payments', i, 'amountYuan']);
  });
  if (v.payments.length === 0) problems.push({ name: ['payments'], key: 'cedit.rule.paymentsEmpty' });
  if (total !== null && total > 0n) {
    const costSum = costs.every((c) => c !== null) ? (costs as bigint[]).reduce((a, b) => a + b, 0n) : null;
    if (costSum !== null && costSum > total) problems.push({ name: ['nonTechnicalCosts'], key: 'cedit.rule.costsExceed' });
    if (technology !== undefined && technology !== null) {
      if (technology > total) problems.push({ name: ['technologyYuan'], key: 'cedit.rule.exceeds' });
      else if (costSum !== null && costSum <= total && technology !== total - costSum) {
        problems.push({ name: ['technologyYuan'], key: 'cedit.rule.mismatch', params: { amount: fenToYuan((total - costSum).toString()) } });
      }
    }
    if (payments.length > 0 && payments.every((p) => p !== null) && (payments as bigint[]).reduce((a, b) => a + b, 0n) !== total) {
      problems.push({ name: ['payments'], key: 'cedit.rule.paymentsSum' });
    }
  }
  v.payments.forEach((p, i) => {
    if (i > 0 && p.dueOn && v.payments[i - 1]!.dueOn && p.dueOn < v.payments[i - 1]!.dueOn) problems.push({ name: ['payments', i, 'dueOn'], key: 'cedit.rule.order' });
  });
  if (problems.length > 0) return { ok: false, problems };
  const party = (p: PartyValues): Party => (p.orgId ? { orgId: p.orgId } : { name: p.name.trim(), uscc: p.uscc.trim().toUpperCase() });
  return {
    ok: true,
    body: {
      type: v.type, subtype: v.subtype, title: v.title.trim(), field: v.field.trim(), seller: party(v.seller), buyer: party(v.buyer), totalFen: total!.toString(),
      ...(technology !== undefined && technology !== null ? { technologyFen: technology.toString() } : {}),
      nonTechnicalCosts: v.nonTechnicalCosts.map((c, i) => ({ item: c.item.trim(), amountFen: costs[i]!.toString() })),
      payments: v.payments.map((p, i) => ({ dueOn: p.dueOn, amountFen: payments[i]!.toString() })),
      signedOn: v.signedOn || null, partiesContractNo: v.partiesContractNo.trim() || null,
    },
  };
}

/** Where a server error's field (`payments.1.dueOn`, `seller.uscc`, `technologyFen` …) is on the form. */
export function formNameOf(field: string | null): FormName | null {
  if (!field) return null;
  const parts = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const rename: Record<string, string> = { totalFen: 'totalYuan', technologyFen: 'technologyYuan', amountFen: 'amountYuan' };
  const name = parts.map((p) => (typeof p === 'string' ? rename[p] ?? p : p));
  if ((name[0] === 'seller' || name[0] === 'buyer') && name[1] !== 'uscc' && name[1] !== 'name') return [name[0]];
  return name;
}

/** Errors that belong to a whole list or party rather than one input are shown under that block. */
export function isBlockName(name: FormName): boolean {
  return name.length === 1 && ['payments', 'nonTechnicalCosts', 'seller', 'buyer'].includes(String(name[0]));
}
