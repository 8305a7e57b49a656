import { expect, test } from 'vitest';
import { cleanFileName, judgeAttachment, MAX_ATTACHMENT_BYTES, sniffKind } from './attachment-rules.ts';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const zipWith = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), ...names.map((n) => Buffer.from(n, 'latin1'))]);

test('the kind comes from the bytes: PDF, PNG, JPEG, Office files by their parts, UTF-8 text', () => {
  expect(sniffKind(pdf)).toBe('pdf');
  expect(sniffKind(png)).toBe('png');
  expect(sniffKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
  expect(sniffKind(zipWith('[Content_Types].xml', 'word/document.xml'))).toBe('docx');
  expect(sniffKind(zipWith('[Content_Types].xml', 'xl/workbook.xml'))).toBe('xlsx');
  expect(sniffKind(zipWith('[Content_Types].xml', 'ppt/presentation.xml'))).toBe('pptx');
  expect(sniffKind(Buffer.from('技术参数：导热系数 1500 W/(m·K)\r\n'))).toBe('text');
  expect(sniffKind(zipWith('payload.exe'))).toBeNull();
  expect(sniffKind(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toBeNull(); // a Windows executable
  expect(sniffKind(Buffer.from([0xc3, 0x28]))).toBeNull(); // not UTF-8
});

test('an executable renamed to .pdf is refused by its content, not its name', () => {
  const r = judgeAttachment('说明书.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]));
  expect(r).toMatchObject({ ok: false, problem: { code: 'attachment_content_not_allowed', field: 'file', status: 415 } });
});

test('a PNG named .pdf is refused as a mismatch; the right name is accepted with the sniffed type', () => {
  expect(judgeAttachment('图纸.pdf', png)).toMatchObject({ ok: false, problem: { code: 'attachment_type_mismatch' } });
  expect(judgeAttachment('图纸.PNG', png)).toEqual({ ok: true, kind: 'png', contentType: 'image/png', fileName: '图纸.PNG' });
});

test('extension, size and emptiness are refused with the field and the rule in both languages', () => {
  const exe = judgeAttachment('setup.exe', pdf);
  expect(exe).toMatchObject({ ok: false, problem: { code: 'attachment_type_not_allowed', field: 'fileName', status: 415 } });
  if (!exe.ok) {
    expect(exe.problem.message.zh).toContain('.exe');
    expect(exe.problem.message.en).toContain('pdf');
  }
  expect(judgeAttachment('a.pdf', Buffer.alloc(0))).toMatchObject({ ok: false, problem: { code: 'attachment_empty' } });
  const big = Buffer.concat([pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
  expect(judgeAttachment('a.pdf', big)).toMatchObject({ ok: false, problem: { code: 'attachment_too_large', status: 413 } });
  expect(judgeAttachment('', pdf)).toMatchObject({ ok: false, problem: { code: 'attachment_name_invalid' } });
});

test('file names lose directories and control characters', () => {
  expect(cleanFileName('C:\\Users\\x\\..\\报告.pdf')).toBe('报告.pdf');
  expect(cleanFileName('../../etc/passwd\u0000.txt')).toBe('passwd.txt');
});
