// The PDF report read back: a valid file (header, xref, trailer), the pages the layout promises, the Noto Sans
// SC subsets embedded (not the 10 MB fonts), the text of every section in the chosen language, and the charts
// drawn as vector rectangles.
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import type { CompositeResult, UnitResult } from '../runs/index-result.ts';
import type { IndexRun } from '../runs/run-index.ts';
import type { BoardPlan, BoardTarget } from '../targets/get-target-board.ts';
import { inspectPdf } from './inspect-pdf.ts';
import { monitoringPdf, type PdfReportInput } from './monitoring-pdf.ts';
import { REPORT_FONT_FILES } from './pdf-fonts.ts';
import { REPORT_LABELS } from './report-labels.ts';

const region = { code: '410300', name: '洛阳市', nameEn: 'Luoyang' };

function target(over: Partial<BoardTarget> & Pick<BoardTarget, 'indicatorCode' | 'nameZh' | 'nameEn' | 'status'>): BoardTarget {
  return {
    unit: '家', unitEn: 'firms', baselinePeriod: '2021', baselineValue: 1000, targetPeriod: '2025', targetValue: 1600, comparison: 'at_least',
    latest: { period: '2023', value: 1300 }, completion: 1300 / 1600, progress: 0.5, cagrAchieved: 0.14, cagrNeeded: 0.11, forecast: 1700,
    series: [], live: null, ...over,
  };
}

const plans: BoardPlan[] = [{
  code: 'plan', nameZh: '创新驱动行动方案（演示）', nameEn: 'Innovation action plan (demo)', startPeriod: '2022', endPeriod: '2025',
  targets: [
    target({ indicatorCode: 'hnte_count', nameZh: '高新技术企业数', nameEn: 'High-tech enterprises', status: 'on_track' }),
    target({ indicatorCode: 'rd_intensity', nameZh: '研发经费投入强度', nameEn: 'R&D intensity', unit: '%', unitEn: '%', targetValue: 3, latest: { period: '2023', value: 3.2 }, completion: 3.2 / 3, status: 'achieved' }),
    target({ indicatorCode: 'platform_count', nameZh: '创新平台数', nameEn: 'Innovation platforms', completion: 0.4, status: 'off_track' }),
  ],
}];

const UNIT_NAMES: [string, string][] = [['甲区', 'Alpha District'], ['乙区', 'Beta District'], ['丙县', 'Gamma County'], ['丁县', 'Delta County'], ['戊县', 'Epsilon County']];
const indicators = [
  { code: 'i1', nameZh: '每万人发明专利', nameEn: 'Patents per 10k', unit: '件', parent: 'p1', direction: 1, effectiveWeight: 0.5 },
  { code: 'i2', nameZh: '研发强度', nameEn: 'R&D share', unit: '%', parent: 'p2', direction: 1, effectiveWeight: 0.5 },
];
const units: UnitResult[] = UNIT_NAMES.map(([zh, en], i) => ({
  code: `u${i}`, nameZh: zh, nameEn: en, score: 90 - i * 17.5, rank: i + 1,
  pillars: { p1: { score: 80 - i * 10, rank: i + 1 }, p2: { score: 70 - i * 5, rank: i + 1 } },
  indicators: { i1: { value: 10 - i, computed: false, normalised: 100 - i * 20 }, i2: { value: 3 - i * 0.4, computed: true, normalised: 100 - i * 25 } },
  strengths: [{ iCode: 'i1', rank: i + 1 }], weaknesses: [{ iCode: 'i2', rank: 5 - i }],
}));
const result: CompositeResult = {
  kind: 'composite', period: '2023', indexCode: 'index',
  pillars: [{ code: 'p1', nameZh: '原始创新力', nameEn: 'Original innovation', weight: 0.5 }, { code: 'p2', nameZh: '技术创新力', nameEn: 'Technological innovation', weight: 0.5 }],
  indicators, units, treatment: [], sensitivity: null,
};
const run: IndexRun = { id: '00000000-0000-4000-8000-000000000001', frameworkCode: 'innovative-city', frameworkVersion: 3, period: '2023', createdAt: '2024-05-01T00:00:00Z', result };

const input = (over: Partial<PdfReportInput> = {}): PdfReportInput => ({ lang: 'zh', region, date: '2024-05-02', plans, run, compress: false, ...over });
const squash = (text: string) => text.replace(/\s+/g, '');
const flat = (text: string) => text.replace(/\s+/g, ' ');
const rectangles = (content: string) => (content.match(/\sre\n/g) ?? []).length;

describe('the PDF report', () => {
  test('is a complete PDF with the targets, the ranking and the profiles on their pages (Chinese)', async () => {
    const file = await monitoringPdf(input());
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const pdf = inspectPdf(file);
    expect(pdf.trailerOk).toBe(true);
    // by design: targets on page 1; the ranking table and bar chart start page 2; the profiles start page 3
    expect(pdf.pageCount).toBe(3);
    const [p1, p2, p3] = pdf.pages.map((p) => squash(p.text));
    const L = REPORT_LABELS.zh;
    expect(p1).toContain(squash(L.title('洛阳市')));
    expect(p1).toContain('2024-05-02');
    expect(p1).toContain(squash(L.targetsSection));
    for (const t of plans[0]!.targets) {
      expect(p1).toContain(t.nameZh);
      expect(p1).toContain(L.statuses[t.status]);
    }
    expect(p1).toContain('81.3%'); // 1300 ÷ 1600
    expect(p1).toContain('1,600家2025');
    expect(p2).toContain(squash(L.rankingSection));
    expect(p2).toContain(squash(L.chartSection));
    for (const [zh] of UNIT_NAMES) expect(p2).toContain(zh);
    expect(p2).toContain('90.0'); // scores keep one decimal
    expect(p3).toContain(squash(L.profilesSection));
    expect(p3).toContain(`${L.strengths}：每万人发明专利（第1名）`);
    expect(p3).toContain(`${L.weaknesses}：研发强度（第5名）`);
    for (const page of pdf.pages) expect(squash(page.text)).toContain(squash(L.page(pdf.pages.indexOf(page) + 1, 3)));
    // uncompressed content streams carry the text operators a reader (or a search) sees
    expect(pdf.pages[0]!.content).toMatch(/BT[\s\S]+Tf[\s\S]+TJ[\s\S]+ET/);
    // charts are vector rectangles: one track and one bar per target, one bar per unit
    expect(rectangles(pdf.pages[0]!.content)).toBeGreaterThanOrEqual(2 * plans[0]!.targets.length);
    expect(rectangles(pdf.pages[1]!.content)).toBeGreaterThanOrEqual(units.length);
    expect(pdf.info['Title']).toBe(L.title('洛阳市'));
  });

  test('embeds subsets of both Noto Sans SC weights, far smaller than the font files', async () => {
    const pdf = inspectPdf(await monitoringPdf(input()));
    const require = createRequire(import.meta.url);
    const full = (await stat(require.resolve(REPORT_FONT_FILES.regular))).size;
    expect(pdf.fonts.map((f) => f.baseFont.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular']);
    for (const f of pdf.fonts) {
      expect(f.subsetTag).toMatch(/^[A-Z]{6}$/);
      expect(f.fontFileBytes).toBeGreaterThan(0);
      expect(f.fontFileBytes).toBeLessThan(full / 20);
    }
  });

  test('in English it has no Chinese text at all', async () => {
    const english = (): PdfReportInput => input({ lang: 'en', plans: plans.map((p) => ({ ...p, targets: p.targets.map((t) => ({ ...t, unit: t.unitEn })) })) });
    const pdf = inspectPdf(await monitoringPdf(english()));
    const all = flat(pdf.pages.map((p) => p.text).join('\n'));
    expect(all).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
    const L = REPORT_LABELS.en;
    expect(all).toContain(L.title('Luoyang'));
    expect(all).toContain('High-tech enterprises');
    expect(all).toContain('1,600 firms 2025');
    for (const [, en] of UNIT_NAMES) expect(all).toContain(en);
    expect(all).toContain(`${L.strengths}: Patents per 10k (#1)`);
    expect(pdf.info['Title']).toBe(L.title('Luoyang'));
  });

  test('compressed (the default) is smaller and reads back the same text', async () => {
    const plain = await monitoringPdf(input());
    const packed = await monitoringPdf(input({ compress: undefined }));
    expect(packed.length).toBeLessThan(plain.length);
    expect(inspectPdf(packed).pages.map((p) => p.text)).toEqual(inspectPdf(plain).pages.map((p) => p.text));
  });

  test('without targets or an index run it says so', async () => {
    const pdf = inspectPdf(await monitoringPdf(input({ plans: [], run: null })));
    expect(pdf.pageCount).toBe(2);
    const text = squash(pdf.pages.map((p) => p.text).join(''));
    expect(text).toContain(squash(REPORT_LABELS.zh.noPlans));
    expect(text).toContain(squash(REPORT_LABELS.zh.noRun));
  });

  test('long lists flow over the pages the layout starts, every name on them', async () => {
    const many: UnitResult[] = Array.from({ length: 120 }, (_, i) => ({ ...units[i % units.length]!, code: `m${i}`, nameZh: `第${i + 1}区`, nameEn: `Unit ${i + 1}`, score: 100 - i * 0.8, rank: i + 1 }));
    const targets = Array.from({ length: 60 }, (_, i) => target({ indicatorCode: `t${i}`, nameZh: `指标${i + 1}`, nameEn: `Indicator ${i + 1}`, status: 'on_track' }));
    const pdf = inspectPdf(await monitoringPdf(input({ plans: [{ ...plans[0]!, targets }], run: { ...run, result: { ...result, units: many } } })));
    // (monitoringPdf throws when pdfkit had to add a page by itself because something ran past the margin)
    expect(pdf.pageCount).toBeGreaterThan(10);
    const all = squash(pdf.pages.map((p) => p.text).join(''));
    for (const u of many) expect(all.split(u.nameZh).length - 1).toBeGreaterThanOrEqual(3); // table, chart, profile
    for (const t of targets) expect(all).toContain(t.nameZh);
    expect(pdf.pages.at(-1)!.text).toContain(`共 ${pdf.pageCount} 页`);
  });
});
