// Rules-engine throughput: every rule pack over 1,000,000 generated profiles in one process (issue 3 target:
// ≥ 200,000 profiles/s). Profiles are generated in batches outside the timed sections. Reports one thread,
// then the same work split over worker threads (one per core), and evaluation with the results printed as JSON.
// Run: node --import tsx bench/qualifications-engine.ts [count] [threads]
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { evaluateProfile, validateProfile, type Profile } from '@kechuang/qualifications';
import { generateProfile, mulberry32 } from './qualifications-profiles.ts';

interface Share {
  count: number;
  seed: number;
  serialize: boolean;
}

interface Timing {
  profiles: number;
  evaluateMs: number;
  /** CPU time of this thread's process during evaluation: robust when other work shares the cores. */
  evaluateCpuMs: number;
  validateMs: number;
  serializeMs: number;
  serialized: number;
  qualifiedHnte: number;
}

const BATCH = 10_000;
/** JSON output is timed on the first 100,000 profiles only: it is the slow part and scales linearly. */
const SERIALIZE_SAMPLE = 100_000;

function runShare({ count, seed, serialize }: Share): Timing {
  const rand = mulberry32(seed);
  const t: Timing = { profiles: count, evaluateMs: 0, evaluateCpuMs: 0, validateMs: 0, serializeMs: 0, serialized: 0, qualifiedHnte: 0 };
  for (let done = 0; done < count; done += BATCH) {
    const n = Math.min(BATCH, count - done);
    const batch: Profile[] = new Array<Profile>(n);
    for (let i = 0; i < n; i++) batch[i] = generateProfile(rand, done + i);
    let start = performance.now();
    for (const p of batch) validateProfile(p);
    t.validateMs += performance.now() - start;
    start = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < n; i++) if (evaluateProfile(batch[i]!).results[1]!.outcome === 'qualified') t.qualifiedHnte++;
    t.evaluateMs += performance.now() - start;
    const used = process.cpuUsage(cpu);
    t.evaluateCpuMs += (used.user + used.system) / 1000;
    if (serialize && done < SERIALIZE_SAMPLE) {
      // Evaluate and print, as `kechuang evaluate` does: messages are rendered here.
      start = performance.now();
      for (let i = 0; i < n; i++) JSON.stringify(evaluateProfile(batch[i]!));
      t.serializeMs += performance.now() - start;
      t.serialized += n;
    }
  }
  return t;
}

function inWorkers(total: number, threads: number): Promise<{ wallMs: number; timings: Timing[] }> {
  const start = performance.now();
  const per = Math.ceil(total / threads);
  const jobs = Array.from({ length: threads }, (_, i) => new Promise<Timing>((resolve, reject) => {
    // Workers load this same file through tsx, as bin/kechuang.js does (Node 20 workers ignore --import).
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const w = new Worker(boot, { eval: true, workerData: { count: Math.min(per, total - i * per), seed: 1000 + i, serialize: false } satisfies Share });
    w.once('message', (m: Timing) => resolve(m));
    w.once('error', reject);
  }));
  return Promise.all(jobs).then((timings) => ({ wallMs: performance.now() - start, timings }));
}

if (!isMainThread) {
  parentPort!.postMessage(runShare(workerData as Share));
} else {
  const total = Number(process.argv[2] ?? 1_000_000);
  const threads = Number(process.argv[3] ?? availableParallelism());
  const one = runShare({ count: total, seed: 20250630, serialize: true });
  const par = await inWorkers(total, threads);
  const slowest = Math.max(...par.timings.map((x) => x.evaluateMs));
  const rate = (n: number, ms: number): number => Math.round((n / ms) * 1000);
  console.log(JSON.stringify({
    profiles: total,
    rulePacksPerProfile: 7,
    oneThread: {
      evaluatePerSecond: rate(total, one.evaluateMs),
      evaluatePerCpuSecond: rate(total, one.evaluateCpuMs),
      evaluateSeconds: +(one.evaluateMs / 1000).toFixed(2),
      validatePerSecond: rate(total, one.validateMs),
      evaluateAndJsonPerSecond: rate(one.serialized, one.serializeMs),
      hnteQualifiedShare: +(one.qualifiedHnte / total).toFixed(4),
    },
    workerThreads: {
      threads,
      evaluatePerSecond: rate(total, slowest),
      wallSecondsIncludingGeneration: +(par.wallMs / 1000).toFixed(2),
    },
  }, null, 2));
}
