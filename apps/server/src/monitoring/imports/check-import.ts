// Checks an observation import row by row before anything is written: structure and values are errors (the
// import is refused), unit rescaling, outliers and gaps are warnings (the import goes ahead, the report
// says where to look). Pure: the caller supplies the catalogue, the regions and the stored observations.
import { median } from '@kechuang/composite';
import { conversionFactor } from './unit-conversion.ts';

export type RawImportRow = {
  /** 1-based row number in the sheet (the header is row 1). */
  row: number;
  regionCode: unknown; indicatorCode: unknown; period: unknown; value: unknown; unit: unknown; status: unknown; source: unknown;
};

export type ImportIssue = {
  row: number | null;
  column: string | null;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  messageEn: string;
};

export type CheckedObservation = {
  row: number; regionCode: string; indicatorCode: string; period: string; value: number; status: 'preliminary' | 'final'; source: string;
};

export type ImportContext = {
  indicators: ReadonlyMap<string, { unit: string }>;
  /** Region codes the importer may write (its region and sub-regions). */
  regions: ReadonlyMap<string, { name: string }>;
  /** Stored observations of the same indicators, for outlier and gap checks. */
  existing: readonly { regionCode: string; indicatorCode: string; period: string; value: number }[];
};

export type ImportCheck = { observations: CheckedObservation[]; issues: ImportIssue[]; errorCount: number; warningCount: number };

const PERIOD = /^\d{4}(-(Q[1-4]|0[1-9]|1[0-2]))?$/;
const STATUS: Record<string, 'preliminary' | 'final'> = {
  '': 'final', final: 'final', '最终': 'final', '正式': 'final', '终核': 'final',
  preliminary: 'preliminary', '初步': 'preliminary', '初步数': 'preliminary', '快报': 'preliminary',
};
/** A change larger than this factor from the previous period is flagged (a doubling or a halving). */
export const JUMP_FACTOR = 2;
/** Modified z-score (0.6745 · |x − median| ÷ MAD) above this, among ≥ 5 regions, is flagged (Iglewicz–Hoaglin). */
export const MAD_Z = 3.5;

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = text(v).replace(/,/g, '');
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  return Number(s);
}

export function checkImport(rows: readonly RawImportRow[], ctx: ImportContext): ImportCheck {
  const issues: ImportIssue[] = [];
  const issue = (row: number | null, column: string | null, severity: ImportIssue['severity'], code: string, message: string, messageEn: string) =>
    issues.push({ row, column, severity, code, message, messageEn });
  const observations: CheckedObservation[] = [];
  const seen = new Map<string, number>();

  for (const r of rows) {
    const regionCode = text(r.regionCode);
    const indicatorCode = text(r.indicatorCode);
    const period = text(r.period);
    let ok = true;
    if (!ctx.regions.has(regionCode)) {
      ok = false;
      issue(r.row, 'region_code', 'error', 'unknown_region', `地区代码“${regionCode}”不存在或不在您的管辖范围内`, `Region code "${regionCode}" is unknown or outside your region`);
    }
    const indicator = ctx.indicators.get(indicatorCode);
    if (!indicator) {
      ok = false;
      issue(r.row, 'indicator_code', 'error', 'unknown_indicator', `指标代码“${indicatorCode}”不在指标目录中`, `Indicator code "${indicatorCode}" is not in the catalogue`);
    }
    if (!PERIOD.test(period)) {
      ok = false;
      issue(r.row, 'period', 'error', 'bad_period', `期间“${period}”格式应为 2024、2024-Q1 或 2024-03`, `Period "${period}" must look like 2024, 2024-Q1 or 2024-03`);
    }
    let value = num(r.value);
    if (value === null) {
      ok = false;
      issue(r.row, 'value', 'error', 'not_a_number', `数值“${text(r.value)}”不是数字`, `Value "${text(r.value)}" is not a number`);
    }
    const statusText = text(r.status).toLowerCase();
    const status = STATUS[statusText];
    if (!status) {
      ok = false;
      issue(r.row, 'status', 'error', 'bad_status', `状态“${text(r.status)}”应为“初步”或“最终”`, `Status "${text(r.status)}" must be preliminary or final`);
    }
    if (indicator && value !== null) {
      const stated = text(r.unit);
      const factor = conversionFactor(stated, indicator.unit);
      if (factor === null) {
        ok = false;
        issue(r.row, 'unit', 'error', 'unit_mismatch', `单位“${stated}”与指标单位“${indicator.unit}”不一致，无法换算`, `Unit "${stated}" does not match the indicator's unit "${indicator.unit}" and cannot be converted`);
      } else if (factor !== 1) {
        issue(r.row, 'unit', 'warning', 'unit_converted', `单位“${stated}”已换算为“${indicator.unit}”（× ${factor}）`, `Unit "${stated}" converted to "${indicator.unit}" (× ${factor})`);
        value *= factor;
      }
      if (value < 0) {
        ok = false;
        issue(r.row, 'value', 'error', 'negative_value', '数值不能为负', 'Value must not be negative');
      } else if (indicator.unit === '%' && value > 100) {
        ok = false;
        issue(r.row, 'value', 'error', 'percent_over_100', `百分比 ${value} 超过 100`, `Percentage ${value} exceeds 100`);
      }
    }
    const key = `${regionCode}|${indicatorCode}|${period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      ok = false;
      issue(r.row, null, 'error', 'duplicate_row', `与第 ${first} 行重复（同一地区、指标、期间）`, `Duplicates row ${first} (same region, indicator and period)`);
    } else {
      seen.set(key, r.row);
    }
    if (ok) observations.push({ row: r.row, regionCode, indicatorCode, period, value: value!, status: status!, source: text(r.source) });
  }

  checkOutliers(observations, ctx, issue);
  checkGaps(observations, ctx, issue);
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  issues.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
  return { observations, issues, errorCount, warningCount: issues.length - errorCount };
}

type IssueFn = (row: number | null, column: string | null, severity: ImportIssue['severity'], code: string, message: string, messageEn: string) => void;

function checkOutliers(obs: readonly CheckedObservation[], ctx: ImportContext, issue: IssueFn): void {
  // the picture after the import: stored values overwritten by the file's
  const merged = new Map<string, { regionCode: string; indicatorCode: string; period: string; value: number }>();
  for (const e of ctx.existing) merged.set(`${e.regionCode}|${e.indicatorCode}|${e.period}`, e);
  for (const o of obs) merged.set(`${o.regionCode}|${o.indicatorCode}|${o.period}`, o);
  const series = new Map<string, { period: string; value: number }[]>();
  const section = new Map<string, number[]>();
  for (const m of merged.values()) {
    const sKey = `${m.regionCode}|${m.indicatorCode}`;
    series.set(sKey, [...(series.get(sKey) ?? []), m]);
    const cKey = `${m.indicatorCode}|${m.period}`;
    section.set(cKey, [...(section.get(cKey) ?? []), m.value]);
  }
  for (const s of series.values()) s.sort((a, b) => a.period.localeCompare(b.period));
  for (const o of obs) {
    const s = series.get(`${o.regionCode}|${o.indicatorCode}`)!;
    const i = s.findIndex((p) => p.period === o.period);
    const prev = i > 0 ? s[i - 1]! : null;
    if (prev && prev.value > 0 && o.value > 0 && (o.value / prev.value > JUMP_FACTOR || prev.value / o.value > JUMP_FACTOR)) {
      issue(o.row, 'value', 'warning', 'outlier_jump', `较上期（${prev.period}：${prev.value}）变化超过 ${JUMP_FACTOR} 倍，请核实`, `Changes more than ${JUMP_FACTOR}× from the previous period (${prev.period}: ${prev.value}); please check`);
    }
    const values = section.get(`${o.indicatorCode}|${o.period}`)!;
    if (values.length >= 5) {
      const med = median(Float64Array.from(values));
      const mad = median(Float64Array.from(values.map((v) => Math.abs(v - med))));
      if (mad > 0 && (0.6745 * Math.abs(o.value - med)) / mad > MAD_Z) {
        issue(o.row, 'value', 'warning', 'outlier_cross_section', `与同期其他地区相比异常（中位数 ${round(med)}）`, `Unusual compared with other regions in the period (median ${round(med)})`);
      }
    }
  }
}

function checkGaps(obs: readonly CheckedObservation[], ctx: ImportContext, issue: IssueFn): void {
  const years = new Map<string, Set<number>>();
  const add = (regionCode: string, indicatorCode: string, period: string) => {
    if (!/^\d{4}$/.test(period)) return; // gaps are checked for annual series
    const key = `${regionCode}|${indicatorCode}`;
    years.set(key, (years.get(key) ?? new Set()).add(Number(period)));
  };
  const touched = new Set(obs.map((o) => `${o.regionCode}|${o.indicatorCode}`));
  for (const e of ctx.existing) if (touched.has(`${e.regionCode}|${e.indicatorCode}`)) add(e.regionCode, e.indicatorCode, e.period);
  for (const o of obs) add(o.regionCode, o.indicatorCode, o.period);
  for (const [key, set] of years) {
    const sorted = [...set].sort((a, b) => a - b);
    const missing: number[] = [];
    for (let y = sorted[0]!; y <= sorted.at(-1)!; y++) if (!set.has(y)) missing.push(y);
    if (missing.length === 0) continue;
    const [regionCode, indicatorCode] = key.split('|') as [string, string];
    const name = ctx.regions.get(regionCode)?.name ?? regionCode;
    issue(null, null, 'warning', 'gap', `${name} 的 ${indicatorCode} 缺少 ${missing.join('、')} 年数据`, `${regionCode} ${indicatorCode} has no data for ${missing.join(', ')}`);
  }
  // an indicator reported for some regions of a period but not for others in the same file
  const regionsInFile = new Set(obs.map((o) => o.regionCode));
  if (regionsInFile.size < 2) return;
  const reported = new Map<string, Set<string>>();
  for (const o of obs) {
    const key = `${o.indicatorCode}|${o.period}`;
    reported.set(key, (reported.get(key) ?? new Set()).add(o.regionCode));
  }
  for (const [key, set] of reported) {
    if (set.size === regionsInFile.size) continue;
    const [indicatorCode, period] = key.split('|') as [string, string];
    const absent = [...regionsInFile].filter((r) => !set.has(r)).sort();
    issue(null, null, 'warning', 'gap_region', `${period} 年 ${indicatorCode} 缺少地区 ${absent.join('、')}`, `${period} ${indicatorCode} is missing for ${absent.join(', ')}`);
  }
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
