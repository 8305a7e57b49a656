// Computed indicators (研发投入强度 = R&D ÷ GDP, 每万人口… = count ÷ population in 10,000s). DESIGN.md: ratios
// are computed, not stored, so a corrected GDP figure corrects every ratio that uses it.

/** value = numerator ÷ denominator × scale (scale 100 for a percentage, 1 when the denominator is in 万人). */
export type IndicatorFormula = { op: 'ratio'; numerator: string; denominator: string; scale: number };

export type FormulaDefinition = { code: string; formula: IndicatorFormula | null };

/** The formula in words, for the catalogue page: "rd_expenditure ÷ gdp × 100". */
export function formulaText(f: IndicatorFormula): string {
  return `${f.numerator} ÷ ${f.denominator}${f.scale === 1 ? '' : ` × ${f.scale}`}`;
}

export function evaluateFormula(f: IndicatorFormula, values: ReadonlyMap<string, number>): number | null {
  const num = values.get(f.numerator);
  const den = values.get(f.denominator);
  if (num === undefined || den === undefined || den === 0 || !Number.isFinite(num) || !Number.isFinite(den)) return null;
  return (num / den) * f.scale;
}

/**
 * Fills in computed indicators for one region and period. An observed value wins over the formula (a published
 * R&D intensity is what the bureau reports, even if GDP was revised since); formulas may use other computed
 * indicators, resolved in as many passes as needed.
 */
export function withComputed(observed: ReadonlyMap<string, number>, definitions: readonly FormulaDefinition[]): Map<string, { value: number; computed: boolean }> {
  const out = new Map<string, { value: number; computed: boolean }>();
  const values = new Map(observed);
  for (const [code, value] of observed) out.set(code, { value, computed: false });
  const pending = definitions.filter((d) => d.formula && !observed.has(d.code));
  for (let pass = 0; pass <= pending.length; pass++) {
    let progressed = false;
    for (const d of pending) {
      if (values.has(d.code)) continue;
      const v = evaluateFormula(d.formula!, values);
      if (v === null) continue;
      values.set(d.code, v);
      out.set(d.code, { value: v, computed: true });
      progressed = true;
    }
    if (!progressed) break;
  }
  return out;
}

/** Formulas must name known indicators and must not depend on themselves, directly or through others. */
export function checkFormulas(definitions: readonly FormulaDefinition[]): string[] {
  const known = new Set(definitions.map((d) => d.code));
  const problems: string[] = [];
  const deps = new Map(definitions.filter((d) => d.formula).map((d) => [d.code, [d.formula!.numerator, d.formula!.denominator]]));
  for (const [code, inputs] of deps) {
    for (const input of inputs) if (!known.has(input)) problems.push(`${code}: unknown input ${input}`);
    const seen = new Set<string>();
    const stack = [...inputs];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === code) { problems.push(`${code}: depends on itself`); break; }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(deps.get(next) ?? []));
    }
  }
  return problems;
}
