// The Excel side of observation imports: the template, reading a sheet into raw rows, and the row-level
// error report (the sheet as uploaded plus a 问题 column, rows coloured by severity, and a list of issues).
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../platform/files/lazy-libraries.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { ImportIssue, RawImportRow } from './check-import.ts';

/** Header → field. Chinese and English headers are both accepted. */
export const COLUMNS = [
  { key: 'regionCode', zh: '地区代码', en: 'region_code' },
  { key: 'indicatorCode', zh: '指标代码', en: 'indicator_code' },
  { key: 'period', zh: '期间', en: 'period' },
  { key: 'value', zh: '数值', en: 'value' },
  { key: 'unit', zh: '单位', en: 'unit' },
  { key: 'status', zh: '状态', en: 'status' },
  { key: 'source', zh: '来源', en: 'source' },
] as const;
const REQUIRED = ['regionCode', 'indicatorCode', 'period', 'value'] as const;
export const MAX_IMPORT_ROWS = 50_000;

type ColumnKey = (typeof COLUMNS)[number]['key'];

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('result' in v) return v.result ?? null; // formula
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return v.text;
    return null;
  }
  return v;
}

export async function readObservationSheet(buffer: Buffer): Promise<RawImportRow[]> {
  const wb = new (await loadExcelJs()).Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('bad_workbook', 'file', { zh: '无法读取 Excel 文件（需 .xlsx 格式）', en: 'The file could not be read as an Excel workbook (.xlsx)' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new DomainError('bad_workbook', 'file', { zh: 'Excel 文件中没有工作表', en: 'The workbook has no worksheet' });
  const positions = new Map<ColumnKey, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const h = String(cellValue(cell.value) ?? '').trim().toLowerCase();
    const c = COLUMNS.find((x) => x.zh === h || x.en === h);
    if (c) positions.set(c.key, col);
  });
  const missing = REQUIRED.filter((k) => !positions.has(k));
  if (missing.length > 0) {
    const names = missing.map((k) => COLUMNS.find((c) => c.key === k)!);
    throw new DomainError('missing_columns', 'file', {
      zh: `缺少列：${names.map((c) => c.zh).join('、')}`, en: `Missing columns: ${names.map((c) => c.en).join(', ')}`,
    });
  }
  const rows: RawImportRow[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const get = (k: ColumnKey) => { const p = positions.get(k); return p ? cellValue(row.getCell(p).value) : null; };
    const raw: RawImportRow = {
      row: rowNumber, regionCode: get('regionCode'), indicatorCode: get('indicatorCode'), period: get('period'),
      value: get('value'), unit: get('unit'), status: get('status'), source: get('source'),
    };
    const blank = [raw.regionCode, raw.indicatorCode, raw.period, raw.value].every((v) => v === null || String(v).trim() === '');
    if (!blank) rows.push(raw);
  });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new DomainError('too_many_rows', 'file', { zh: `一次最多导入 ${MAX_IMPORT_ROWS} 行`, en: `At most ${MAX_IMPORT_ROWS} rows per import` });
  }
  return rows;
}

export async function observationTemplate(): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  const ws = wb.addWorksheet('观测值');
  ws.addRow(COLUMNS.map((c) => c.zh));
  ws.addRow(['410305', 'rd_expenditure', '2024', 35.2, '亿元', '初步', '涧西区统计局']);
  ws.columns.forEach((c) => { c.width = 16; });
  ws.getRow(1).font = { bold: true };
  const help = wb.addWorksheet('说明');
  help.addRows([
    ['列 / column', '说明 / meaning'],
    ['地区代码', 'GB/T 2260 六位行政区划代码 / 6-digit division code'],
    ['指标代码', '指标目录中的代码，如 rd_expenditure / a catalogue code'],
    ['期间', '2024、2024-Q1 或 2024-03 / year, quarter or month'],
    ['数值', '数字；单位与目录不同时按单位换算 / a number, rescaled when the unit differs'],
    ['单位', '可留空（按目录单位）；万元、元等会换算为目录单位 / optional'],
    ['状态', '初步 或 最终（默认最终）/ preliminary or final (default final)'],
    ['来源', '数据来源 / source'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The uploaded sheet with a 问题 / Issues column, error rows red and warning rows yellow, plus a list sheet. */
export async function errorReport(rows: readonly RawImportRow[], issues: readonly ImportIssue[]): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  const ws = wb.addWorksheet('数据与问题');
  ws.addRow([...COLUMNS.map((c) => c.zh), '问题 / Issues']);
  ws.getRow(1).font = { bold: true };
  const byRow = new Map<number, ImportIssue[]>();
  for (const i of issues) if (i.row !== null) byRow.set(i.row, [...(byRow.get(i.row) ?? []), i]);
  for (const r of rows) {
    const own = byRow.get(r.row) ?? [];
    const added = ws.addRow([
      ...COLUMNS.map((c) => { const v = r[c.key]; return v === null || v === undefined ? '' : (v as string | number); }),
      own.map((i) => `[${i.severity === 'error' ? '错误' : '提示'}] ${i.message}`).join('；'),
    ]);
    const colour = own.some((i) => i.severity === 'error') ? 'FFFFCCCC' : own.length > 0 ? 'FFFFF2CC' : null;
    if (colour) added.eachCell((cell) => { cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour } }; });
  }
  ws.columns.forEach((c) => { c.width = 16; });
  ws.getColumn(COLUMNS.length + 1).width = 60;
  const list = wb.addWorksheet('问题清单');
  list.addRow(['行 / row', '列 / column', '级别 / severity', '代码 / code', '说明', 'Message']);
  list.getRow(1).font = { bold: true };
  for (const i of issues) list.addRow([i.row ?? '', i.column ?? '', i.severity, i.code, i.message, i.messageEn]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
