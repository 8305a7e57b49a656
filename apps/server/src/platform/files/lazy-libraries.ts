// Libraries that only some requests need (Excel files, PDF reports) are loaded on first use, not at start-up:
// together they cost about half a second of every start.
import type ExcelJSModule from 'exceljs';
import type PDFDocumentClass from 'pdfkit';

let excelJs: Promise<typeof ExcelJSModule> | undefined;
let pdfDocument: Promise<typeof PDFDocumentClass> | undefined;

export function loadExcelJs(): Promise<typeof ExcelJSModule> {
  return (excelJs ??= import('exceljs').then((m) => m.default));
}

export function loadPdfDocument(): Promise<typeof PDFDocumentClass> {
  return (pdfDocument ??= import('pdfkit').then((m) => m.default));
}
