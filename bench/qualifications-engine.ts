// Rules-engine throughput: every rule pack over 1,000,000 generated profiles in one process (issue 3 target:
// ≥ 200,000 profiles/s). Profiles are generated in batches outside the timed sections. Reports:
//  - one thread: evaluateProfile deciding all packs (outcome and score; criteria are built when read), with
//    wall time and the rate per CPU-second of this process (steady when other jobs share the cores);
//  - the same with every criterion and gap read, and with JSON output as `kechuang evaluate` prints it
//    (both on the first 100,000 profiles: they are the slow parts and scale linearly);
//  - worker threads (one per core), each generating and evaluating its share;
//  - the batch API (EvaluationPool), profiles handed over from the main thread as objects or JSON texts,
//    decisions back.
// Run: node --import tsx bench/qualifications-engine.ts [count] [threads]
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { decisionsAt, EvaluationPool, evaluateProfile, validateProfile, type Profile } from '@kechuang/qualifications';
import { generateProfile, mulberry32 } from './qualifications-profiles.ts';

interface Share {
  count: number;
  seed: number;
  /** Also time reading the evidence and JSON output (main thread only). */
  detail: boolean;
}

interface Timing {
  profiles: number;
  evaluateMs: number;
  /** CPU time of this process during evaluation. */
  evaluateCpuMs: number;
  validateMs: number;
  detailMs: number;
  detailCpuMs: number;
  serializeMs: number;
  detailed: number;
  qualifiedHnte: number;
}

const BATCH = 10_000;
/** Evidence and JSON output are timed on the first 100,000 profiles only. */
const DETAIL_SAMPLE = 100_000;

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

function runShare({ count, seed, detail }: Share): Timing {
  const rand = mulberry32(seed);
  const t: Timing = { profiles: count, evaluateMs: 0, evaluateCpuMs: 0, validateMs: 0, detailMs: 0, detailCpuMs: 0, serializeMs: 0, detailed: 0, qualifiedHnte: 0 };
  for (let done = 0; done < count; done += BATCH) {
    const n = Math.min(BATCH, count - done);
    const batch: Profile[] = new Array<Profile>(n);
    for (let i = 0; i < n; i++) batch[i] = generateProfile(rand, done + i);
    let start = performance.now();
    for (const p of batch) validateProfile(p);
    t.validateMs += performance.now() - start;
    start = performance.now();
    let cpu = process.cpuUsage();
    for (let i = 0; i < n; i++) if (evaluateProfile(batch[i]!).results[1]!.outcome === 'qualified') t.qualifiedHnte++;
    t.evaluateMs += performance.now() - start;
    t.evaluateCpuMs += cpuMs(cpu);
    if (detail && done < DETAIL_SAMPLE) {
      // Everything a page shows: every criterion's fields and messages, every gap.
      start = performance.now();
      cpu = process.cpuUsage();
      let chars = 0;
      for (let i = 0; i < n; i++)
        for (const r of evaluateProfile(batch[i]!).results) {
          for (const c of r.criteria) chars += c.message.length + c.message_en.length;
          for (const g of r.gaps) chars += g.message.length;
        }
      t.detailMs += performance.now() - start;
      t.detailCpuMs += cpuMs(cpu);
      if (chars === 0) throw new Error('no messages rendered');
      // Evaluate and print, as `kechuang evaluate` does.
      start = performance.now();
      for (let i = 0; i < n; i++) JSON.stringify(evaluateProfile(batch[i]!));
      t.serializeMs += performance.now() - start;
      t.detailed += n;
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
    const w = new Worker(boot, { eval: true, workerData: { count: Math.min(per, total - i * per), seed: 1000 + i, detail: false } satisfies Share });
    // A worker that registered tsx keeps a handle open: stop it once it has reported.
    w.once('message', (m: Timing) => void w.terminate().then(() => resolve(m)));
    w.once('error', reject);
  }));
  return Promise.all(jobs).then((timings) => ({ wallMs: performance.now() - start, timings }));
}

/**
 * The batch API: the main thread generates 100,000 profiles at a time (untimed) and hands them to the pool,
 * as objects (cloned into the workers) and as JSON texts (parsed and validated in the workers; the texts are
 * made untimed, as a file or a database column would hold them).
 */
async function batchApi(total: number, threads: number, form: 'objects' | 'json'): Promise<{ wallMs: number; cpuMs: number; qualifiedHnte: number }> {
  const pool = new EvaluationPool(threads);
  const rand = mulberry32(77);
  let wallMs = 0;
  let cpu = 0;
  let qualifiedHnte = 0;
  try {
    await pool.decide([generateProfile(rand, -1)]); // workers started and warm before timing
    for (let done = 0; done < total; done += 100_000) {
      const n = Math.min(100_000, total - done);
      const batch = Array.from({ length: n }, (_, i) => generateProfile(rand, done + i));
      const texts = form === 'json' ? batch.map((p) => JSON.stringify(p)) : [];
      const start = performance.now();
      const since = process.cpuUsage();
      const d = form === 'json' ? await pool.decideJson(texts) : await pool.decide(batch);
      wallMs += performance.now() - start;
      cpu += cpuMs(since);
      for (let i = 0; i < n; i++) if (decisionsAt(d, i)[1]!.outcome === 'qualified') qualifiedHnte++;
    }
  } finally {
    await pool.close();
  }
  return { wallMs, cpuMs: cpu, qualifiedHnte };
}

if (!isMainThread) {
  parentPort!.postMessage(runShare(workerData as Share));
} else {
  const total = Number(process.argv[2] ?? 1_000_000);
  const threads = Number(process.argv[3] ?? availableParallelism());
  const one = runShare({ count: total, seed: 20250630, detail: true });
  const par = await inWorkers(total, threads);
  const slowest = Math.max(...par.timings.map((x) => x.evaluateMs));
  const objects = await batchApi(total, threads, 'objects');
  const json = await batchApi(total, threads, 'json');
  const rate = (n: number, ms: number): number => Math.round((n / ms) * 1000);
  console.log(JSON.stringify({
    profiles: total,
    rulePacksPerProfile: 7,
    oneThread: {
      evaluatePerSecond: rate(total, one.evaluateMs),
      evaluatePerCpuSecond: rate(total, one.evaluateCpuMs),
      evaluateSeconds: +(one.evaluateMs / 1000).toFixed(2),
      validatePerSecond: rate(total, one.validateMs),
      evaluateAndReadAllCriteriaPerSecond: rate(one.detailed, one.detailMs),
      evaluateAndReadAllCriteriaPerCpuSecond: rate(one.detailed, one.detailCpuMs),
      evaluateAndJsonPerSecond: rate(one.detailed, one.serializeMs),
      hnteQualifiedShare: +(one.qualifiedHnte / total).toFixed(4),
    },
    workerThreads: {
      threads,
      evaluatePerSecond: rate(total, slowest),
      perWorkerPerSecond: par.timings.map((x) => rate(x.profiles, x.evaluateMs)),
      wallSecondsIncludingGeneration: +(par.wallMs / 1000).toFixed(2),
    },
    batchApi: {
      threads,
      objectsPerSecond: rate(total, objects.wallMs),
      objectsPerProcessCpuSecond: rate(total, objects.cpuMs),
      jsonParsedAndValidatedPerSecond: rate(total, json.wallMs),
      jsonPerProcessCpuSecond: rate(total, json.cpuMs),
      hnteQualifiedShare: +(objects.qualifiedHnte / total).toFixed(4),
    },
  }, null, 2));
}
