// What may be attached to a listing: the type is read from the file's first bytes (magic numbers, and for
// Office files the parts inside the ZIP), never from the request's content type, and the file name's
// extension must agree with it. Pure, no I/O.
import type { LocalisedMessage } from '../../platform/errors/domain-error.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_LISTING = 20;

export const attachmentKinds = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  png: { contentType: 'image/png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  text: { contentType: 'text/plain; charset=utf-8', extensions: ['txt'] },
} as const;
export type AttachmentKind = keyof typeof attachmentKinds;

export const ALLOWED_EXTENSIONS = Object.values(attachmentKinds).flatMap((k) => k.extensions);

export type AttachmentProblem = { code: string; field: string; message: LocalisedMessage; status: number };
export type AttachmentVerdict = { ok: true; kind: AttachmentKind; contentType: string; fileName: string } | { ok: false; problem: AttachmentProblem };

const ZIP_PARTS: [AttachmentKind, string][] = [['docx', 'word/document.xml'], ['xlsx', 'xl/workbook.xml'], ['pptx', 'ppt/presentation.xml']];

/** The kind the bytes are, or null when they are none of the allowed kinds. */
export function sniffKind(bytes: Uint8Array): AttachmentKind | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    // An Office Open XML file is a ZIP whose entry names are stored uncompressed in the local headers.
    if (b.indexOf('[Content_Types].xml', 0, 'latin1') < 0) return null;
    for (const [kind, part] of ZIP_PARTS) if (b.indexOf(part, 0, 'latin1') >= 0) return kind;
    return null;
  }
  return isPlainText(b) ? 'text' : null;
}

/** UTF-8 without NUL or other control characters than tab, line feed and carriage return. */
function isPlainText(b: Buffer): boolean {
  if (b.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/** The uploader's name without directories or control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const base = raw.split(/[/\\]/).at(-1)!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...base].slice(-200).join('');
}

export function judgeAttachment(rawName: string, bytes: Uint8Array): AttachmentVerdict {
  const fileName = cleanFileName(rawName);
  if (fileName === '' || fileName.startsWith('.')) {
    return no('attachment_name_invalid', 'fileName', 400, '请提供文件名（含扩展名）', 'Give the file name, with its extension');
  }
  if (bytes.byteLength === 0) return no('attachment_empty', 'file', 400, '文件为空', 'The file is empty');
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return tooLarge();
  const ext = fileName.includes('.') ? fileName.split('.').at(-1)!.toLowerCase() : '';
  const allowed = ALLOWED_EXTENSIONS.join('、');
  if (!(ALLOWED_EXTENSIONS as readonly string[]).includes(ext)) {
    return no('attachment_type_not_allowed', 'fileName', 415, `不支持的附件类型“.${ext}”，允许：${allowed}`, `Attachments of type ".${ext}" are not allowed; allowed: ${ALLOWED_EXTENSIONS.join(', ')}`);
  }
  const kind = sniffKind(bytes);
  if (kind === null) {
    return no('attachment_content_not_allowed', 'file', 415, `文件内容不是允许的类型（${allowed}），或文件已损坏`, `The file's content is none of the allowed types (${ALLOWED_EXTENSIONS.join(', ')}), or the file is damaged`);
  }
  if (!(attachmentKinds[kind].extensions as readonly string[]).includes(ext)) {
    return no('attachment_type_mismatch', 'file', 415, `文件扩展名为“.${ext}”，但内容是 ${kind.toUpperCase()} 文件`, `The file is named ".${ext}" but its content is a ${kind.toUpperCase()} file`);
  }
  return { ok: true, kind, contentType: attachmentKinds[kind].contentType, fileName };
}

export function tooLarge(): { ok: false; problem: AttachmentProblem } {
  const mb = MAX_ATTACHMENT_BYTES / 1024 / 1024;
  return no('attachment_too_large', 'file', 413, `附件不得超过 ${mb} MB`, `An attachment may be at most ${mb} MB`);
}

function no(code: string, field: string, status: number, zh: string, en: string): { ok: false; problem: AttachmentProblem } {
  return { ok: false, problem: { code, field, status, message: { zh, en } } };
}
