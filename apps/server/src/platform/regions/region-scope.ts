// Which region codes a region covers: a province (xx0000) its cities and districts, a city (xxxx00) its
// districts, a district itself. Used as a LIKE pattern on region_code.
export function regionCodePattern(regionCode: string): string {
  if (regionCode.endsWith('0000')) return `${regionCode.slice(0, 2)}%`;
  if (regionCode.endsWith('00')) return `${regionCode.slice(0, 4)}%`;
  return regionCode;
}
