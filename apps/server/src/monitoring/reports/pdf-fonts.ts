// The report font: Noto Sans SC (OFL-1.1) from the @expo-google-fonts/noto-sans-sc package, resolved through
// Node's module resolution so it works wherever the package is installed. pdfkit embeds only the glyphs a
// report uses (a subset), so the 10 MB files stay on the server and a report carries tens of kilobytes.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

export type ReportFonts = { regular: Buffer; bold: Buffer };

const require = createRequire(import.meta.url);

export const REPORT_FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

let loading: Promise<ReportFonts> | null = null;

/** Reads both weights once per process (about 20 MB held in memory while the server runs reports). */
export function loadReportFonts(): Promise<ReportFonts> {
  loading ??= Promise.all([readFile(require.resolve(REPORT_FONT_FILES.regular)), readFile(require.resolve(REPORT_FONT_FILES.bold))])
    .then(([regular, bold]) => ({ regular, bold }))
    .catch((err: unknown) => { loading = null; throw err; });
  return loading;
}
