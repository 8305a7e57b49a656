import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

test('a second holder of the same data directory is refused with a clear message', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-lock-'));
  const first = lockDataDir(dir);
  expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  expect(() => lockDataDir(dir)).toThrow(/正被另一个 kechuang 进程.*is in use by another kechuang process/s);
  first.release();
  const again = lockDataDir(dir); // free again after release
  again.release();
  fs.rmSync(dir, { recursive: true });
});

test('a lock left by a process that died is taken over', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-lock-'));
  const child = spawn(process.execPath, ['-e', '0']);
  const deadPid = child.pid!;
  await new Promise((resolve) => child.on('exit', resolve));
  fs.writeFileSync(path.join(dir, 'kechuang.lock'), String(deadPid));
  const lock = lockDataDir(dir);
  expect(fs.readFileSync(path.join(dir, 'kechuang.lock'), 'utf8')).toBe(String(process.pid));
  lock.release();
  fs.rmSync(dir, { recursive: true });
});
