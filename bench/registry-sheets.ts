// Generated sheets for the registry benches: one plausible row per enterprise in the template layout,
// seeded, written as CSV or as a streamed .xlsx. Used by registry-import.ts; nothing is committed.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { makeUscc } from '../apps/server/src/platform/identity/uscc.ts';
import { COLUMNS, templateHeader } from '../apps/server/src/registry/import/columns.ts';

const REGION = '410300';
const DISTRICTS = ['410302', '410303', '410304', '410305', '410307', '410308', '410311', '410323', '410324', '410325', '410326', '410327', '410328', '410329'];
const CLUSTERS = ['光电元器件', '农机装备', '航空装备', '高端轴承', '耐火材料', '生物医药', '电子化工材料', '人工智能', '新能源电池', '电子显示材料'];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One plausible row per enterprise (latest year), in template column order. */
export function* generatedRows(n: number, seed: number, prefix = 'B'): Generator<string[]> {
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    const employees = 10 + Math.floor(r() * 600);
    const sales = Math.round(employees * (30 + r() * 90) * 100) / 100;
    const rd = Math.round(sales * (0.01 + r() * 0.08) * 100) / 100;
    const costs = Math.round(sales * 0.85 * 100) / 100;
    const assets = Math.round(sales * (0.8 + r() * 0.9) * 100) / 100;
    const debt = Math.round(assets * 0.45 * 100) / 100;
    const science = Math.floor(employees * (0.05 + r() * 0.3));
    const values: Record<string, string> = {
      uscc: makeUscc(`91${REGION}${prefix}${String(i).padStart(8, '0')}`), name: `洛阳测试企业${i}有限公司`, districtCode: DISTRICTS[i % DISTRICTS.length]!,
      foundedOn: `${2000 + Math.floor(r() * 22)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`, industryCode: 'C3451', techField: '先进制造与自动化',
      cluster: CLUSTERS[i % CLUSTERS.length]!, listed: '否', year: '2024', employees: String(employees), scienceStaff: String(science), rdStaff: String(Math.floor(science * 0.8)),
      salesRevenue: String(sales), operatingRevenue: String(sales), mainBusinessRevenue: String(Math.round(sales * 90) / 100), highTechRevenue: String(Math.round(sales * 60) / 100),
      totalRevenue: String(sales), rdExpense: String(rd), rdExpenseDomestic: String(rd), costsAndExpenses: String(costs), totalAssets: String(assets),
      totalLiabilities: String(debt), netAssets: String(Math.round((assets - debt) * 100) / 100), netProfit: String(Math.round((sales - costs) * 100) / 100),
      conversions: String(Math.floor(r() * 5)), ipInvention: String(Math.floor(r() * 4)), ipUtilityModel: String(Math.floor(r() * 12)), ipDesign: '', ipSoftware: '', ipIcLayout: '',
    };
    yield COLUMNS.map((c) => values[c.key] ?? '');
  }
}

export async function writeCsv(file: string, n: number): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((res) => out.once('drain', () => res())));
  await write(`${COLUMNS.map(templateHeader).join(',')}\n`);
  let buf = '';
  for (const row of generatedRows(n, 1)) {
    buf += `${row.join(',')}\n`;
    if (buf.length > 1 << 20) { await write(buf); buf = ''; }
  }
  await write(buf);
  await new Promise<void>((res) => out.end(() => res()));
}

export async function writeXlsx(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(COLUMNS.map(templateHeader)).commit();
  const numeric = new Set(COLUMNS.flatMap((c, i) => (['people', 'count', 'wan', 'wan_signed', 'year'].includes(c.kind) ? [i] : [])));
  for (const row of generatedRows(n, 2, 'X')) ws.addRow(row.map((v, i) => (numeric.has(i) && v !== '' ? Number(v) : v))).commit();
  ws.commit();
  await wb.commit();
}

