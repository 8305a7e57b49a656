// The bureau's PDF report: the action-plan targets (completion chart), the index ranking (table and bar
// chart) and each unit's strengths and weaknesses, in Chinese or English. Everything is drawn as vector
// graphics with pdfkit; the Noto Sans SC subset holds only the glyphs used.
import { loadPdfDocument } from '../../platform/files/lazy-libraries.ts';
import type { CompositeResult } from '../runs/index-result.ts';
import type { IndexRun } from '../runs/run-index.ts';
import type { BoardPlan, BoardTarget } from '../targets/get-target-board.ts';
import type { TargetStatus } from '../targets/target-forecast.ts';
import { loadReportFonts } from './pdf-fonts.ts';
import { REPORT_LABELS, type ReportLabels, type ReportLang } from './report-labels.ts';

export type PdfReportInput = {
  lang: ReportLang;
  region: { code: string; name: string; nameEn: string };
  /** Report date, YYYY-MM-DD. */
  date: string;
  plans: BoardPlan[];
  run: IndexRun | null;
  /** false writes readable content streams (tests search them); the default compresses. */
  compress?: boolean;
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const WIDTH = A4.width - 2 * MARGIN;
/** Content stops here; the footer lives below. */
const BOTTOM = A4.height - 60;
const COLOUR = {
  text: '#1f1f1f', muted: '#8c8c8c', rule: '#d9d9d9', header: '#f0f3f8', track: '#f0f0f0', primary: '#1f5fbf', reference: '#595959',
  status: { achieved: '#389e0d', on_track: '#1f5fbf', off_track: '#cf1322', no_trend: '#8c8c8c', no_data: '#bfbfbf' } satisfies Record<TargetStatus, string>,
};
const REGULAR = 'noto-regular';
const BOLD = 'noto-bold';

type Doc = PDFKit.PDFDocument;
/** `pages` counts the pages the layout started; pdfkit adding one by itself (text past the margin) is a layout bug. */
type Ctx = { doc: Doc; y: number; L: ReportLabels; lang: ReportLang; pages: number };

export async function monitoringPdf(input: PdfReportInput): Promise<Buffer> {
  const fonts = await loadReportFonts();
  const L = REPORT_LABELS[input.lang];
  const regionName = input.lang === 'en' ? input.region.nameEn : input.region.name;
  const PDFDocument = await loadPdfDocument();
  const doc = new PDFDocument({
    size: 'A4', margins: { top: MARGIN, bottom: 20, left: MARGIN, right: MARGIN }, bufferPages: true, compress: input.compress ?? true,
    lang: input.lang === 'en' ? 'en' : 'zh-CN', displayTitle: true,
    info: { Title: L.title(regionName), Author: 'kechuang', Subject: L.footer, Creator: 'kechuang (pdfkit)' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => { doc.on('end', resolve); doc.on('error', reject); });
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  const ctx: Ctx = { doc, y: MARGIN, L, lang: input.lang, pages: 1 };

  titleBlock(ctx, input, regionName);
  targetsSection(ctx, input.plans);
  const result = input.run?.result.kind === 'composite' ? input.run.result : null;
  newPage(ctx);
  heading(ctx, L.rankingSection);
  if (result) {
    rankingTable(ctx, result);
    heading(ctx, L.chartSection);
    rankingChart(ctx, result);
    newPage(ctx);
    heading(ctx, L.profilesSection);
    profiles(ctx, result);
  } else {
    paragraph(ctx, L.noRun);
  }
  const drawn = doc.bufferedPageRange().count;
  if (drawn !== ctx.pages) throw new Error(`PDF layout overflow: ${drawn} pages drawn, ${ctx.pages} laid out`);
  footers(ctx);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

// ——— layout helpers ———

function newPage(ctx: Ctx): void {
  ctx.pages += 1;
  ctx.doc.addPage();
  ctx.y = MARGIN;
}

function ensureSpace(ctx: Ctx, height: number): void {
  if (ctx.y + height > BOTTOM) newPage(ctx);
}

function heading(ctx: Ctx, text: string): void {
  ensureSpace(ctx, 40);
  ctx.y += ctx.y > MARGIN ? 10 : 0;
  ctx.doc.font(BOLD).fontSize(13).fillColor(COLOUR.primary).text(text, MARGIN, ctx.y, { lineBreak: false });
  ctx.y += 22;
}

function paragraph(ctx: Ctx, text: string, size = 9.5): void {
  const { doc } = ctx;
  doc.font(REGULAR).fontSize(size);
  const height = doc.heightOfString(text, { width: WIDTH, lineGap: 2 });
  ensureSpace(ctx, height);
  doc.fillColor(COLOUR.text).text(text, MARGIN, ctx.y, { width: WIDTH, lineGap: 2 });
  ctx.y += height + 6;
}

/** Cuts a string to a width with an ellipsis (cells stay on one line). */
function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let s = text;
  while (s.length > 1 && doc.widthOfString(`${s}…`) > width) s = s.slice(0, -1);
  return `${s}…`;
}

/** One cell, vertically centred; a second line (after "\n") is drawn smaller and muted, e.g. the period. */
function cell(doc: Doc, text: string, x: number, y: number, width: number, height: number, align: 'left' | 'right' | 'center', size: number, colour: string = COLOUR.text): void {
  const padded = width - 6;
  const [first = '', second] = text.split('\n');
  const lineHeight = size * 1.3;
  const top = y + (height - (second === undefined ? lineHeight : lineHeight * 1.85)) / 2;
  doc.fontSize(size).fillColor(colour);
  doc.text(fit(doc, first, padded), x + 3, top, { width: padded, align, lineBreak: false });
  if (second !== undefined) {
    doc.fontSize(size - 1.5).fillColor(COLOUR.muted);
    doc.text(fit(doc, second, padded), x + 3, top + lineHeight, { width: padded, align, lineBreak: false });
  }
}

type Column<T> = { title: string; width: number; align?: 'left' | 'right' | 'center'; text: (row: T) => string; colour?: (row: T) => string };

/** A table that repeats its header on every page it runs onto. */
function table<T>(ctx: Ctx, columns: Column<T>[], rows: readonly T[], size = 8.5, lines: 1 | 2 = 1): void {
  const { doc } = ctx;
  const rowHeight = size * (lines === 2 ? 3.2 : 2.1);
  const headerHeight = size * 3.4;
  const drawHeader = () => {
    doc.rect(MARGIN, ctx.y, WIDTH, headerHeight).fill(COLOUR.header);
    let x = MARGIN;
    doc.font(BOLD).fillColor(COLOUR.text).fontSize(size - 0.5);
    for (const c of columns) {
      const lines = doc.heightOfString(c.title, { width: c.width - 6 }) > (size - 0.5) * 1.6 ? 2 : 1;
      doc.text(c.title, x + 3, ctx.y + (headerHeight - lines * (size - 0.5) * 1.3) / 2, { width: c.width - 6, height: headerHeight, align: c.align ?? 'left', lineGap: 0 });
      x += c.width;
    }
    ctx.y += headerHeight;
  };
  ensureSpace(ctx, headerHeight + rowHeight);
  drawHeader();
  for (const row of rows) {
    if (ctx.y + rowHeight > BOTTOM) { newPage(ctx); drawHeader(); }
    let x = MARGIN;
    doc.font(REGULAR);
    for (const c of columns) {
      cell(doc, c.text(row), x, ctx.y, c.width, rowHeight, c.align ?? 'left', size, c.colour?.(row));
      x += c.width;
    }
    ctx.y += rowHeight;
    doc.moveTo(MARGIN, ctx.y).lineTo(MARGIN + WIDTH, ctx.y).lineWidth(0.5).strokeColor(COLOUR.rule).stroke();
  }
  ctx.y += 8;
}

// ——— formatting ———

function number(lang: ReportLang, v: number | null, digits = 2): string {
  if (v === null || !Number.isFinite(v)) return '—';
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits }).format(v);
}

/** Scores keep their decimal (49.0, not 49) so a column of them lines up. */
function score(lang: ReportLang, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '—';
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
}

function percent(lang: ReportLang, v: number | null): string {
  return v === null || !Number.isFinite(v) ? '—' : `${number(lang, v * 100, 1)}%`;
}

function withUnit(lang: ReportLang, v: number, t: BoardTarget): string {
  const unit = lang === 'en' ? t.unitEn : t.unit;
  if (unit === '%') return `${number(lang, v)}%`;
  return lang === 'en' ? `${number(lang, v)} ${unit}` : `${number(lang, v)}${unit}`;
}

/** The value, and its period on a second line. */
function valueAt(lang: ReportLang, v: number | null, period: string | null, t: BoardTarget): string {
  if (v === null) return '—';
  return period ? `${withUnit(lang, v, t)}\n${period}` : withUnit(lang, v, t);
}

// ——— sections ———

function titleBlock(ctx: Ctx, input: PdfReportInput, regionName: string): void {
  const { doc, L } = ctx;
  doc.font(BOLD).fontSize(19).fillColor(COLOUR.text).text(L.title(regionName), MARGIN, ctx.y, { width: WIDTH });
  ctx.y = doc.y + 8;
  const facts = [`${L.region}${L.colon}${regionName} (${input.region.code})`, `${L.date}${L.colon}${input.date}`];
  if (input.run) facts.push(`${L.indexPeriod}${L.colon}${L.year(input.run.period)}`, `${L.frameworkVersion}${L.colon}v${input.run.frameworkVersion}`);
  doc.font(REGULAR).fontSize(9).fillColor(COLOUR.muted).text(facts.join('    '), MARGIN, ctx.y, { width: WIDTH });
  ctx.y = doc.y + 8;
  doc.moveTo(MARGIN, ctx.y).lineTo(MARGIN + WIDTH, ctx.y).lineWidth(1).strokeColor(COLOUR.primary).stroke();
  ctx.y += 12;
}

function targetsSection(ctx: Ctx, plans: BoardPlan[]): void {
  const { L, lang } = ctx;
  heading(ctx, L.targetsSection);
  const all = plans.flatMap((p) => p.targets);
  if (all.length === 0) { paragraph(ctx, L.noPlans); return; }
  const counts: Record<TargetStatus, number> = { achieved: 0, on_track: 0, off_track: 0, no_trend: 0, no_data: 0 };
  for (const t of all) counts[t.status] += 1;
  paragraph(ctx, L.summary(counts));
  const name = (t: { nameZh: string; nameEn: string }) => (lang === 'en' ? t.nameEn : t.nameZh);
  for (const plan of plans) {
    if (plan.targets.length === 0) continue;
    ensureSpace(ctx, 80);
    ctx.doc.font(BOLD).fontSize(10).fillColor(COLOUR.text).text(name(plan), MARGIN, ctx.y, { width: WIDTH });
    ctx.y = ctx.doc.y + 4;
    table<BoardTarget>(ctx, [
      { title: L.indicator, width: 120, text: name },
      { title: L.baseline, width: 70, align: 'right', text: (t) => valueAt(lang, t.baselineValue, t.baselinePeriod, t) },
      { title: L.latest, width: 70, align: 'right', text: (t) => valueAt(lang, t.latest?.value ?? null, t.latest?.period ?? null, t) },
      { title: L.target, width: 70, align: 'right', text: (t) => valueAt(lang, t.targetValue, t.targetPeriod, t) },
      { title: L.completion, width: 56, align: 'right', text: (t) => percent(lang, t.completion) },
      { title: L.cagrNeeded, width: 56, align: 'right', text: (t) => (t.status === 'achieved' ? L.achievedNoGrowth : percent(lang, t.cagrNeeded)) },
      { title: L.statusHeader, width: WIDTH - 442, align: 'center', text: (t) => L.statuses[t.status], colour: (t) => COLOUR.status[t.status] },
    ], plan.targets, 8.5, 2);
    completionChart(ctx, plan.targets);
  }
}

/** Horizontal bars: completion of each target against the 100 % line, coloured by status (over pages if long). */
function completionChart(ctx: Ctx, targets: BoardTarget[]): void {
  const row = 18;
  const max = Math.max(1.2, ...targets.map((t) => t.completion ?? 0));
  let next = 0;
  while (next < targets.length) {
    if (BOTTOM - ctx.y < 3 * row + 40) newPage(ctx);
    ctx.doc.font(BOLD).fontSize(9).fillColor(COLOUR.text).text(ctx.L.completion, MARGIN, ctx.y, { lineBreak: false });
    ctx.y += 16;
    const fits = Math.max(1, Math.floor((BOTTOM - ctx.y - 24) / row));
    const chunk = targets.slice(next, next + fits);
    completionBlock(ctx, chunk, max, row);
    next += chunk.length;
  }
}

function completionBlock(ctx: Ctx, targets: BoardTarget[], max: number, row: number): void {
  const { doc, lang } = ctx;
  const labelWidth = 130;
  const barHeight = 11;
  const plotX = MARGIN + labelWidth;
  const plotWidth = WIDTH - labelWidth - 44;
  const scale = (v: number) => plotX + (Math.max(0, v) / max) * plotWidth;
  const top = ctx.y;
  targets.forEach((t, i) => {
    const y = top + i * row;
    doc.font(REGULAR);
    cell(doc, lang === 'en' ? t.nameEn : t.nameZh, MARGIN, y - 2, labelWidth - 4, barHeight + 4, 'right', 8);
    doc.rect(plotX, y, plotWidth, barHeight).fill(COLOUR.track);
    if (t.completion !== null) {
      doc.rect(plotX, y, scale(t.completion) - plotX, barHeight).fill(COLOUR.status[t.status]);
      doc.font(REGULAR).fontSize(8).fillColor(COLOUR.text).text(percent(lang, t.completion), scale(t.completion) + 3, y + 1, { lineBreak: false });
    }
  });
  const bottom = top + targets.length * row - (row - barHeight);
  // the 100 % line: a target is met where its bar crosses it
  doc.moveTo(scale(1), top - 4).lineTo(scale(1), bottom + 4).lineWidth(1).dash(3, { space: 2 }).strokeColor(COLOUR.reference).stroke().undash();
  doc.font(REGULAR).fontSize(7.5).fillColor(COLOUR.muted).text('100%', scale(1) - 10, bottom + 6, { lineBreak: false });
  ctx.y = bottom + 24;
}

function rankingTable(ctx: Ctx, result: CompositeResult): void {
  const { L, lang } = ctx;
  const name = (x: { nameZh: string; nameEn: string }) => (lang === 'en' ? x.nameEn : x.nameZh);
  const fixed = 36 + 90 + 50;
  const pillarWidth = (WIDTH - fixed) / Math.max(1, result.pillars.length);
  const units = [...result.units].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  table(ctx, [
    { title: L.rank, width: 36, align: 'center', text: (u) => (u.rank === null ? '—' : String(u.rank)) },
    { title: L.unit, width: 90, text: name },
    { title: L.index, width: 50, align: 'right', text: (u) => score(lang, u.score) },
    ...result.pillars.map((p) => ({
      title: name(p), width: pillarWidth, align: 'right' as const,
      text: (u: (typeof units)[number]) => { const s = u.pillars[p.code]; return s?.score == null ? '—' : `${score(lang, s.score)} (${s.rank})`; },
    })),
  ], units);
}

/** Horizontal bars of the index score, best first, on a 0–100 axis with grid lines; long lists go on over pages. */
function rankingChart(ctx: Ctx, result: CompositeResult): void {
  const units = result.units.filter((u) => u.score !== null).sort((a, b) => b.score! - a.score!);
  const row = 18;
  const max = Math.max(100, ...units.map((u) => u.score!));
  let next = 0;
  while (next < units.length) {
    if (BOTTOM - ctx.y < 4 * row + 24) newPage(ctx);
    const fits = Math.max(1, Math.floor((BOTTOM - ctx.y - 24) / row));
    const chunk = units.slice(next, next + fits);
    barBlock(ctx, chunk, max, row);
    next += chunk.length;
  }
}

function barBlock(ctx: Ctx, units: CompositeResult['units'], max: number, row: number): void {
  const { doc, lang } = ctx;
  const labelWidth = 100;
  const barHeight = 12;
  const plotX = MARGIN + labelWidth;
  const plotWidth = WIDTH - labelWidth - 36;
  const scale = (v: number) => plotX + (Math.max(0, v) / max) * plotWidth;
  const top = ctx.y;
  const bottom = top + units.length * row;
  for (let tick = 0; tick <= max; tick += 20) {
    doc.moveTo(scale(tick), top).lineTo(scale(tick), bottom).lineWidth(0.5).strokeColor(COLOUR.rule).stroke();
    doc.font(REGULAR).fontSize(7.5).fillColor(COLOUR.muted).text(String(tick), scale(tick) - 10, bottom + 3, { width: 20, align: 'center', lineBreak: false });
  }
  units.forEach((u, i) => {
    const y = top + i * row + (row - barHeight) / 2;
    doc.font(REGULAR);
    cell(doc, `${u.rank ?? '—'}. ${lang === 'en' ? u.nameEn : u.nameZh}`, MARGIN, y - 2, labelWidth - 4, barHeight + 4, 'right', 8);
    doc.rect(plotX, y, scale(u.score!) - plotX, barHeight).fill(u.rank !== null && u.rank <= 3 ? COLOUR.primary : '#7aa3e0');
    doc.font(REGULAR).fontSize(8).fillColor(COLOUR.text).text(score(lang, u.score), scale(u.score!) + 3, y + 1.5, { lineBreak: false });
  });
  ctx.y = bottom + 20;
}

function profiles(ctx: Ctx, result: CompositeResult): void {
  const { doc, L, lang } = ctx;
  const indicatorName = new Map(result.indicators.map((i) => [i.code, lang === 'en' ? i.nameEn : i.nameZh]));
  const list = (items: { iCode: string; rank: number }[]) =>
    items.map((s) => `${indicatorName.get(s.iCode) ?? s.iCode}${L.rankOf(s.rank)}`).join(lang === 'en' ? '; ' : '；');
  const units = [...result.units].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  for (const u of units) {
    const head = `${u.rank ?? '—'}. ${lang === 'en' ? u.nameEn : u.nameZh}    ${L.index} ${score(lang, u.score)}`;
    const lines = [`${L.strengths}${L.colon}${list(u.strengths) || '—'}`, `${L.weaknesses}${L.colon}${list(u.weaknesses) || '—'}`];
    doc.font(REGULAR).fontSize(8.5);
    const body = lines.reduce((h, line) => h + doc.heightOfString(line, { width: WIDTH - 12 }), 0);
    ensureSpace(ctx, 16 + body + 8);
    doc.font(BOLD).fontSize(9.5).fillColor(COLOUR.text).text(head, MARGIN, ctx.y, { lineBreak: false });
    ctx.y += 15;
    lines.forEach((line, i) => {
      doc.font(REGULAR).fontSize(8.5).fillColor(i === 0 ? COLOUR.status.achieved : COLOUR.status.off_track)
        .text(line, MARGIN + 12, ctx.y, { width: WIDTH - 12 });
      ctx.y = doc.y;
    });
    ctx.y += 8;
  }
}

function footers(ctx: Ctx): void {
  const { doc, L } = ctx;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = A4.height - 40;
    doc.moveTo(MARGIN, y - 6).lineTo(MARGIN + WIDTH, y - 6).lineWidth(0.5).strokeColor(COLOUR.rule).stroke();
    doc.font(REGULAR).fontSize(8).fillColor(COLOUR.muted);
    doc.text(L.footer, MARGIN, y, { lineBreak: false });
    doc.text(L.page(i - range.start + 1, range.count), MARGIN, y, { width: WIDTH, align: 'right', lineBreak: false });
  }
}
