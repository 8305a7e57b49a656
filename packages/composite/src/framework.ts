// Reads and checks the unit table and the indicator metadata, and builds the index tree.
import { inputError } from './errors.ts';
import type { Cell, DataSet, IndicatorMeta, MetaType, Row, WeightSet } from './types.ts';

const META_TYPES: readonly MetaType[] = ['Indicator', 'Aggregate', 'Group', 'Denominator'];

export interface Framework {
  readonly meta: ReadonlyMap<string, IndicatorMeta>;
  /** Level-1 indicator codes, in metadata order. */
  readonly indicators: readonly string[];
  /** Number of levels (the top aggregate's level). */
  readonly nLevels: number;
  /** Aggregates of each level 2..nLevels, ordered as COINr does: first appearance as a Parent of level − 1. */
  readonly aggregatesByLevel: ReadonlyMap<number, readonly string[]>;
  /** Children of each aggregate, in metadata order. */
  readonly children: ReadonlyMap<string, readonly string[]>;
  readonly uCodes: readonly string[];
  readonly uNames: readonly string[];
  /** Group columns (names ending in `_group`), by unit position. */
  readonly groups: ReadonlyMap<string, readonly (string | null)[]>;
  /** Denominator columns by unit position. */
  readonly denominators: ReadonlyMap<string, Float64Array>;
  /** The Raw data set: indicators only. */
  readonly raw: DataSet;
  /** Weights from the metadata's Weight column, COINr's "Original" weight set. */
  readonly originalWeights: WeightSet;
}

export function isMissing(v: Cell): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'number') return Number.isNaN(v);
  const t = v.trim();
  return t === '' || t === 'NA' || t === 'NaN' || t === 'N/A';
}

/** Parses a numeric cell; missing → NaN; anything else non-numeric throws `non_numeric`. */
export function toNumber(v: Cell, field: string): number {
  if (isMissing(v)) return Number.NaN;
  if (typeof v === 'number') return v;
  const t = (v as string).trim();
  const n = Number(t);
  if (!Number.isFinite(n) && !/^-?Inf(inity)?$/i.test(t)) {
    throw inputError('non_numeric', field, `「${field}」的值「${t}」不是数字`, `Value "${t}" of ${field} is not a number`);
  }
  return Number.isFinite(n) ? n : t.startsWith('-') ? -Infinity : Infinity;
}

function text(v: Cell): string | null {
  return isMissing(v) ? null : String(v).trim();
}

function parseMeta(rows: readonly Row[]): IndicatorMeta[] {
  const required = ['iCode', 'Type'];
  for (const c of required) {
    if (rows.length > 0 && !(c in rows[0]!)) {
      throw inputError('missing_column', `meta.${c}`, `指标元数据缺少列「${c}」`, `Indicator metadata lacks column "${c}"`);
    }
  }
  const seen = new Set<string>();
  return rows.map((r, i) => {
    const iCode = text(r['iCode']);
    if (iCode === null) {
      throw inputError('missing_column', `meta[${i}].iCode`, `指标元数据第 ${i + 1} 行缺少 iCode`, `Metadata row ${i + 1} has no iCode`);
    }
    if (seen.has(iCode)) {
      throw inputError('duplicate_code', `meta.${iCode}`, `指标代码「${iCode}」重复`, `Indicator code "${iCode}" appears twice`);
    }
    seen.add(iCode);
    const type = text(r['Type']) as MetaType | null;
    if (type === null || !META_TYPES.includes(type)) {
      throw inputError('bad_type', `meta.${iCode}.Type`, `「${iCode}」的类型「${type ?? ''}」无效，应为 Indicator、Aggregate、Group 或 Denominator`,
        `Type "${type ?? ''}" of ${iCode} must be Indicator, Aggregate, Group or Denominator`);
    }
    const level = toNumber(r['Level'], `meta.${iCode}.Level`);
    const isTree = type === 'Indicator' || type === 'Aggregate';
    if (isTree && (!Number.isInteger(level) || level < 1 || (type === 'Indicator') !== (level === 1))) {
      throw inputError('bad_level', `meta.${iCode}.Level`, `「${iCode}」的层级无效：指标为 1 级，汇总项为 2 级及以上`,
        `Level of ${iCode} is invalid: indicators are level 1, aggregates level 2 or higher`);
    }
    const dirRaw = toNumber(r['Direction'], `meta.${iCode}.Direction`);
    if (type === 'Indicator' && dirRaw !== 1 && dirRaw !== -1) {
      throw inputError('bad_direction', `meta.${iCode}.Direction`, `「${iCode}」的方向须为 1 或 -1`, `Direction of ${iCode} must be 1 or -1`);
    }
    const weight = toNumber(r['Weight'], `meta.${iCode}.Weight`);
    if (isTree && (Number.isNaN(weight) || weight < 0)) {
      throw inputError('bad_weight', `meta.${iCode}.Weight`, `「${iCode}」的权重须为非负数`, `Weight of ${iCode} must be a non-negative number`);
    }
    return {
      iCode,
      iName: text(r['iName']) ?? iCode,
      level: isTree ? level : null,
      direction: Number.isNaN(dirRaw) ? 1 : dirRaw,
      weight,
      unit: text(r['Unit']) ?? '',
      target: toNumber(r['Target'], `meta.${iCode}.Target`),
      denominator: text(r['Denominator']),
      parent: text(r['Parent']),
      type,
    };
  });
}

function checkTree(meta: readonly IndicatorMeta[], byCode: Map<string, IndicatorMeta>): number {
  const tree = meta.filter((m) => m.type === 'Indicator' || m.type === 'Aggregate');
  for (const m of tree) {
    // walk the Parent chain first so that a loop is reported as a loop, not as a level mismatch
    const visited = new Set<string>([m.iCode]);
    let cur = m;
    while (cur.parent !== null) {
      if (visited.has(cur.parent)) {
        throw inputError('parent_cycle', `meta.${m.iCode}.Parent`, `「${m.iCode}」的上级链条形成循环（经过「${cur.parent}」）`,
          `The Parent chain of ${m.iCode} loops (through ${cur.parent})`);
      }
      const p = byCode.get(cur.parent);
      if (p === undefined || p.type !== 'Aggregate') {
        throw inputError('unknown_parent', `meta.${cur.iCode}.Parent`, `「${cur.iCode}」的上级「${cur.parent}」不是元数据中的汇总项`,
          `Parent "${cur.parent}" of ${cur.iCode} is not an Aggregate in the metadata`);
      }
      visited.add(p.iCode);
      cur = p;
    }
  }
  const nLevels = Math.max(0, ...tree.map((m) => m.level ?? 0));
  for (const m of tree) {
    if (m.parent === null) {
      if (m.level !== nLevels) {
        throw inputError('unknown_parent', `meta.${m.iCode}.Parent`, `「${m.iCode}」不是最高层，却没有上级`,
          `${m.iCode} is below the top level but has no Parent`);
      }
      continue;
    }
    const p = byCode.get(m.parent)!;
    if (p.level !== (m.level ?? 0) + 1) {
      throw inputError('bad_level', `meta.${m.iCode}.Parent`, `「${m.iCode}」（${m.level} 级）的上级「${p.iCode}」应为 ${(m.level ?? 0) + 1} 级`,
        `Parent ${p.iCode} of ${m.iCode} (level ${m.level}) must be at level ${(m.level ?? 0) + 1}`);
    }
  }
  for (const m of tree) {
    if (m.type === 'Aggregate' && !tree.some((c) => c.parent === m.iCode)) {
      throw inputError('unknown_parent', `meta.${m.iCode}`, `汇总项「${m.iCode}」没有下级`, `Aggregate ${m.iCode} has no children`);
    }
  }
  return nLevels;
}

/** Builds and checks the framework from the unit table (iData) and the metadata (iMeta). */
export function buildFramework(units: readonly Row[], metaRows: readonly Row[]): Framework {
  const metaList = parseMeta(metaRows);
  const meta = new Map(metaList.map((m) => [m.iCode, m]));
  const nLevels = checkTree(metaList, meta);
  const indicators = metaList.filter((m) => m.type === 'Indicator').map((m) => m.iCode);
  if (indicators.length === 0) {
    throw inputError('missing_column', 'meta', '指标元数据中没有 Indicator 类型的指标', 'The metadata has no Indicator rows');
  }

  const aggregatesByLevel = new Map<number, string[]>();
  const children = new Map<string, string[]>();
  for (let lev = 2; lev <= nLevels; lev++) {
    const parents: string[] = [];
    for (const m of metaList) {
      if (m.level === lev - 1 && (m.type === 'Indicator' || m.type === 'Aggregate') && m.parent !== null) {
        if (!children.has(m.parent)) {
          children.set(m.parent, []);
          parents.push(m.parent);
        }
        children.get(m.parent)!.push(m.iCode);
      }
    }
    aggregatesByLevel.set(lev, parents);
  }

  if (units.length === 0) {
    throw inputError('missing_column', 'data', '单位数据表为空', 'The unit table is empty');
  }
  const columns = new Set(Object.keys(units[0]!));
  if (!columns.has('uCode')) {
    throw inputError('missing_column', 'data.uCode', '单位数据表缺少列「uCode」', 'The unit table lacks column "uCode"');
  }
  const uCodes: string[] = [];
  const seenU = new Set<string>();
  units.forEach((r, i) => {
    const u = text(r['uCode']);
    if (u === null) throw inputError('missing_column', `data[${i}].uCode`, `第 ${i + 1} 行缺少 uCode`, `Row ${i + 1} has no uCode`);
    if (seenU.has(u)) throw inputError('duplicate_code', `data.${u}`, `单位代码「${u}」重复`, `Unit code "${u}" appears twice`);
    seenU.add(u);
    uCodes.push(u);
  });
  const uNames = units.map((r, i) => text(r['uName']) ?? uCodes[i]!);

  for (const m of metaList) {
    if ((m.type === 'Indicator' || m.type === 'Denominator' || m.type === 'Group') && !columns.has(m.iCode)) {
      throw inputError('unknown_icode', `meta.${m.iCode}`, `元数据中的「${m.iCode}」在单位数据表中没有对应列`,
        `${m.iCode} is in the metadata but not a column of the unit table`);
    }
  }
  for (const m of metaList) {
    if (m.type !== 'Indicator' || m.denominator === null) continue;
    const d = meta.get(m.denominator);
    if (!columns.has(m.denominator) || (d !== undefined && d.type !== 'Denominator')) {
      throw inputError('missing_denominator', `meta.${m.iCode}.Denominator`, `「${m.iCode}」的分母「${m.denominator}」不在单位数据表中`,
        `Denominator "${m.denominator}" of ${m.iCode} is not a column of the unit table`);
    }
  }

  const readColumn = (code: string): Float64Array => {
    const col = new Float64Array(units.length);
    units.forEach((r, i) => {
      col[i] = toNumber(r[code], `data.${uCodes[i]}.${code}`);
    });
    return col;
  };
  const raw: DataSet = { uCodes, iCodes: indicators, columns: indicators.map(readColumn) };

  const denominators = new Map<string, Float64Array>();
  for (const m of metaList) {
    if (m.type === 'Indicator' && m.denominator !== null && !denominators.has(m.denominator)) {
      denominators.set(m.denominator, readColumn(m.denominator));
    }
  }
  const groups = new Map<string, (string | null)[]>();
  for (const c of columns) {
    if (c.endsWith('_group')) groups.set(c, units.map((r) => text(r[c])));
  }

  const originalWeights: Record<string, number> = {};
  for (const m of metaList) if (m.type === 'Indicator' || m.type === 'Aggregate') originalWeights[m.iCode] = m.weight;

  return { meta, indicators, nLevels, aggregatesByLevel, children, uCodes, uNames, groups, denominators, raw, originalWeights };
}
