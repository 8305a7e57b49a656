// Units an Excel sheet may state for an indicator, and how to convert them to the catalogue's unit. Only
// changes of scale are converted (万元 → 亿元); different quantities (家 vs 亿元) are a unit mismatch.

const SCALES: readonly Readonly<Record<string, number>>[] = [
  { '元': 1, '千元': 1e3, '万元': 1e4, '百万元': 1e6, '亿元': 1e8 },
  { '人': 1, '万人': 1e4 },
  { '%': 1, '百分比': 1 },
];

/** Factor f such that value_in_catalogue_unit = value_in_stated_unit × f; 1 for the same unit; null if incompatible. */
export function conversionFactor(stated: string, catalogueUnit: string): number | null {
  const from = stated.trim();
  if (from === '' || from === catalogueUnit) return 1;
  for (const family of SCALES) {
    const a = family[from];
    const b = family[catalogueUnit];
    if (a !== undefined && b !== undefined) return a / b;
  }
  return null;
}
