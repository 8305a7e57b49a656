// Starts `npm start` (or the CLI directly) as a child process on a free port and times it to healthy.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../e2e/harness.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type ServerUnderTest = { baseUrl: string; msToHealthy: number; process: ChildProcess; stop(): Promise<void> };

export async function startServer(env: NodeJS.ProcessEnv, command: 'npm-start' | 'cli' = 'npm-start'): Promise<ServerUnderTest> {
  const port = await freePort();
  const started = performance.now();
  const child = command === 'npm-start'
    ? spawn('npm', ['start', '--silent'], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'pipe'], detached: true })
    : spawn(process.execPath, [path.join(ROOT, 'apps/server/bin/kechuang.js'), 'serve'], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    if (await fetch(`${baseUrl}/api/v1/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const msToHealthy = performance.now() - started;
  return {
    baseUrl, msToHealthy, process: child,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGTERM'); // the whole group: npm and the server under it
    }),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
