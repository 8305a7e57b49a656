// The Excel report: the target board and an index run (ranking, pillars, indicators, sensitivity) in one
// workbook with bilingual headers, numbers kept as numbers so staff can keep working with them.
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../platform/files/lazy-libraries.ts';
import type { BoardPlan } from '../targets/get-target-board.ts';
import type { IndexRun } from '../runs/run-index.ts';

const STATUS_ZH: Record<string, string> = { achieved: '已达成', on_track: '按期可达', off_track: '进度滞后', no_trend: '趋势不足', no_data: '无数据' };

function header(ws: ExcelJS.Worksheet, cells: string[]): void {
  ws.addRow(cells);
  ws.getRow(ws.rowCount).font = { bold: true };
  ws.columns.forEach((c) => { c.width = 18; });
}

export async function monitoringWorkbook(input: { regionName: string; plans: BoardPlan[]; run: IndexRun | null }): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = 'kechuang';
  const targets = wb.addWorksheet('目标进展');
  header(targets, ['行动方案 / plan', '指标 / indicator', '单位 / unit', '基期 / baseline', '最新值 / latest', '最新期 / period', '目标值 / target', '目标年 / year',
    '完成率 / completion', '已实现年均增速 / CAGR achieved', '所需年均增速 / CAGR needed', '预测值 / forecast', '状态 / status']);
  for (const plan of input.plans) {
    for (const t of plan.targets) {
      targets.addRow([plan.nameZh, t.nameZh, t.unit, t.baselineValue, t.latest?.value ?? null, t.latest?.period ?? null, t.targetValue, t.targetPeriod,
        t.completion, t.cagrAchieved, t.cagrNeeded, t.forecast, `${STATUS_ZH[t.status]} / ${t.status}`]);
    }
  }
  for (const col of [9, 10, 11]) targets.getColumn(col).numFmt = '0.00%';
  const result = input.run?.result;
  if (result?.kind === 'composite') {
    const ranking = wb.addWorksheet('指数排名');
    header(ranking, ['排名 / rank', '代码 / code', '地区', 'Region', '指数 / index', ...result.pillars.map((p) => `${p.nameZh} / ${p.nameEn}`)]);
    for (const u of result.units) {
      ranking.addRow([u.rank, u.code, u.nameZh, u.nameEn, u.score, ...result.pillars.map((p) => u.pillars[p.code]?.score ?? null)]);
    }
    ranking.addRow([]);
    ranking.addRow([`${input.regionName} · ${result.period} · 框架版本 / framework version ${input.run!.frameworkVersion}`]);
    const data = wb.addWorksheet('指标数据');
    header(data, ['代码 / code', '地区 / region', ...result.indicators.map((i) => `${i.nameZh} / ${i.code}`)]);
    for (const u of result.units) data.addRow([u.code, u.nameZh, ...result.indicators.map((i) => u.indicators[i.code]?.value ?? null)]);
    const weights = wb.addWorksheet('权重');
    header(weights, ['指标 / indicator', '维度 / pillar', '方向 / direction', '有效权重 / effective weight']);
    for (const i of result.indicators) weights.addRow([i.nameZh, i.parent, i.direction, i.effectiveWeight]);
    if (result.sensitivity) {
      const sa = wb.addWorksheet('敏感性分析');
      header(sa, ['代码 / code', '地区 / region', '名义排名 / nominal', '平均 / mean', '中位数 / median', 'P5', 'P95']);
      const names = new Map(result.units.map((u) => [u.code, u.nameZh]));
      for (const r of result.sensitivity.rankStats) sa.addRow([r.uCode, names.get(r.uCode) ?? r.uCode, r.nominal, r.mean, r.median, r.q5, r.q95]);
      sa.addRow([]);
      sa.addRow(['输入 / input', '一阶指数 / Si', '总效应指数 / STi']);
      for (const s of result.sensitivity.indices) sa.addRow([s.input, s.si, s.sti]);
      sa.addRow([`N = ${result.sensitivity.n}, seed = ${result.sensitivity.seed}, runs = ${result.sensitivity.runs}, failed = ${result.sensitivity.failedRuns}`]);
    }
  } else if (result?.kind === 'industry') {
    const ind = wb.addWorksheet('产业指数');
    header(ind, ['期间 / period', '价格指数 / price', '发展指数 / development', '景气指数 / sentiment', '扩散指数 / diffusion', '综合指数 / composite']);
    for (const p of result.periods) ind.addRow([p.period, p.price, p.development, p.sentiment, p.diffusion, p.composite]);
    ind.addRow([`基期 / base period ${result.basePeriod} = 100`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
