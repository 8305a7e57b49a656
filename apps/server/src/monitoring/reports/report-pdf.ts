// Gathers what the PDF report shows for the user's region: the target board and an index run (the one asked
// for, else the latest run of the innovative-city framework).
import type { Db } from '../../platform/database/open-database.ts';
import { INNOVATIVE_CITY_CODE } from '../frameworks/framework-presets.ts';
import { getRun, listRuns } from '../runs/run-index.ts';
import { regionAndChildren } from '../series/observation-values.ts';
import { getTargetBoard } from '../targets/get-target-board.ts';
import { monitoringPdf } from './monitoring-pdf.ts';
import type { ReportLang } from './report-labels.ts';

export type ReportPdfRequest = { run?: string; lang: ReportLang; compress?: boolean };

/** The calendar date in China, where the bureau reads the report. */
export function reportDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export async function reportPdf(db: Db, regionCode: string, request: ReportPdfRequest, now: Date = new Date()): Promise<{ pdf: Buffer; filename: string }> {
  const latest = async () => {
    const [first] = await listRuns(db, regionCode, INNOVATIVE_CITY_CODE);
    return first ? getRun(db, regionCode, first.id) : null;
  };
  const [{ self }, board, run] = await Promise.all([
    regionAndChildren(db, regionCode), getTargetBoard(db, regionCode, now), request.run ? getRun(db, regionCode, request.run) : latest(),
  ]);
  const date = reportDate(now);
  const pdf = await monitoringPdf({
    lang: request.lang, date, plans: board.plans, run, compress: request.compress,
    region: { code: regionCode, name: self?.name ?? regionCode, nameEn: self?.nameEn ?? regionCode },
  });
  return { pdf, filename: `monitoring-report-${run?.period ?? date.slice(0, 4)}-${request.lang}.pdf` };
}
