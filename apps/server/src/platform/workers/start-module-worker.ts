// Starts a worker thread on a module of this server. Workers do not inherit the main thread's loaders, so when
// the server runs from its TypeScript sources (through tsx) the worker registers tsx before importing it.
import { Worker, type ResourceLimits } from 'node:worker_threads';

export function startModuleWorker(moduleUrl: URL, workerData?: unknown, resourceLimits?: ResourceLimits): Worker {
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, { workerData, resourceLimits });
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}
