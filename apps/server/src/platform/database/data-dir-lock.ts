// One server per data directory. PostgreSQL would also refuse a second postmaster, but only after our
// process had half-started and with a message about postmaster.pid; this lock fails first and says why.
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly holderPid: number) {
    super(
      `数据目录 ${dataDir} 正被另一个 kechuang 进程（PID ${holderPid}）使用，拒绝启动以免损坏数据。` +
        ` / The data directory ${dataDir} is in use by another kechuang process (PID ${holderPid}); refusing to start so as not to corrupt it.`,
    );
  }
}

export type DataDirLock = { release(): void };

const LOCK_FILE = 'kechuang.lock';

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return { release: () => removeIfOurs(lockPath) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new DataDirLockedError(dataDir, holder);
      fs.rmSync(lockPath, { force: true }); // left behind by a process that died: take it over
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeIfOurs(lockPath: string): void {
  try {
    if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.rmSync(lockPath);
  } catch {
    // already gone
  }
}
