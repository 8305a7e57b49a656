// A tile map of Luoyang's districts and counties: one equal square per unit, placed roughly where it lies
// (north at the top). No boundary data ships with the app — see monitoring/README.md for why — so units are
// tiles, which also keeps small urban districts as visible as large counties.

/** [column, row] per GB/T 2260 code; row 0 is the north. */
export const LUOYANG_TILES: Readonly<Record<string, readonly [number, number]>> = {
  '410323': [1, 0], // 新安县
  '410308': [2, 0], // 孟津区
  '410304': [3, 0], // 瀍河回族区
  '410307': [4, 0], // 偃师区
  '410328': [0, 1], // 洛宁县
  '410305': [1, 1], // 涧西区
  '410303': [2, 1], // 西工区
  '410302': [3, 1], // 老城区
  '410327': [1, 2], // 宜阳县
  '410311': [2, 2], // 洛龙区
  '410329': [3, 2], // 伊川县
  '410324': [0, 3], // 栾川县
  '410325': [1, 3], // 嵩县
  '410326': [2, 3], // 汝阳县
};

/** Tiles for any set of units: the known layout where it covers them all, else a plain grid in code order. */
export function tilesFor(codes: readonly string[]): Map<string, readonly [number, number]> {
  if (codes.every((c) => c in LUOYANG_TILES)) return new Map(codes.map((c) => [c, LUOYANG_TILES[c]!]));
  const width = Math.ceil(Math.sqrt(codes.length));
  return new Map([...codes].sort().map((c, i) => [c, [i % width, Math.floor(i / width)] as const]));
}
