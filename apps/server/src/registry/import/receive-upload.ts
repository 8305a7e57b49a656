// Receives an uploaded sheet as the raw request body into a temporary file, refusing it as soon as it passes
// the size limit, so a 50 MB upload is stopped early with a clear message instead of filling the disk.
// `dir` is where the file is kept: the registry keeps its uploads in DATA_DIR so a restart can resume them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { DomainError } from '../../platform/errors/domain-error.ts';

export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

export async function receiveUpload(body: Readable, ext: string, limit = MAX_UPLOAD_BYTES, dir = os.tmpdir()): Promise<{ path: string; bytes: number }> {
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(dir, `kechuang-import-${crypto.randomUUID()}.${ext}`);
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _e, done) {
      bytes += chunk.length;
      if (bytes > limit) done(tooLarge(limit));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, fs.createWriteStream(file));
  } catch (err) {
    await fs.promises.rm(file, { force: true });
    if (err instanceof DomainError) throw err;
    throw new DomainError('upload_failed', 'file', { zh: '文件上传中断，请重试', en: 'The upload was interrupted; please retry' });
  }
  if (bytes === 0) {
    await fs.promises.rm(file, { force: true });
    throw new DomainError('empty_sheet', 'file', { zh: '文件为空', en: 'The file is empty' });
  }
  return { path: file, bytes };
}

function tooLarge(limit: number): DomainError {
  const mb = Math.round(limit / 1024 / 1024);
  return new DomainError('file_too_large', 'file', {
    zh: `文件超过 ${mb} MB 上限：请拆分后分批导入，或由管理员用命令行 kechuang registry import 导入`,
    en: `The file exceeds the ${mb} MB limit: split it, or have an administrator use the kechuang registry import command`,
  }, 413);
}
