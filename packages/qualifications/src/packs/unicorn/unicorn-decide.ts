// 独角兽企业, decision only: the same conditions as unicorn.ts for any definition, without evidence.
import type { Decision } from '../../types.ts';
import { addYears } from '../../shared/dates.ts';
import type { Facts } from '../../shared/profile-facts.ts';
import { all, outcomeOf, type Tri } from '../../shared/tri.ts';
import type { UnicornDefinition } from './unicorn.ts';

export function decideUnicorn(def: UnicornDefinition, f: Facts): Decision {
  const { p, asOf } = f;
  // "成立不超过10年": the tenth anniversary is the last day that counts.
  const age: Tri = p.foundedOn === undefined ? 'maybe' : addYears(p.foundedOn, def.maxAgeYears) >= asOf ? 'yes' : 'no';
  const v = p.valuationUsd;
  const verdict = all(
    age,
    flag(p.privatelyFunded, def.requirePrivateInvestment, true),
    flag(p.listed, def.requireUnlisted, false),
    v === undefined ? 'maybe' : v > def.valuationAboveUsd ? 'yes' : 'no',
  );
  return { outcome: outcomeOf(verdict), score: null };
}

function flag(v: boolean | undefined, required: boolean, want: boolean): Tri {
  if (!required) return 'yes';
  if (v === undefined) return 'maybe';
  return v === want ? 'yes' : 'no';
}
