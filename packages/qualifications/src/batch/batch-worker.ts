// A worker of the evaluation pool: evaluates the chunks it is sent and returns their decisions as typed
// arrays (transferred, not copied). A profile that cannot be evaluated fails the whole chunk with its id.
import { parentPort } from 'node:worker_threads';
import type { Profile, RuleId } from '../types.ts';
import { evaluateProfile } from '../evaluate.ts';
import { emptyDecisions, writeDecisions, type BatchDecisions } from './batch-decisions.ts';

export interface ChunkRequest {
  /** Which decide() call: replies of an abandoned batch must not land in the next one. */
  batch: number;
  chunk: number;
  profiles: Profile[];
  rules?: RuleId[];
  asOf?: string;
}

export type ChunkReply = { batch: number; chunk: number; decisions: BatchDecisions } | { batch: number; chunk: number; error: string };

parentPort?.on('message', (req: ChunkRequest) => {
  const opts = { ...(req.rules === undefined ? {} : { rules: req.rules }), ...(req.asOf === undefined ? {} : { asOf: req.asOf }) };
  const d = emptyDecisions(req.profiles.length);
  try {
    for (let i = 0; i < req.profiles.length; i++) writeDecisions(d, i, evaluateProfile(req.profiles[i]!, opts));
  } catch (err) {
    parentPort!.postMessage({ batch: req.batch, chunk: req.chunk, error: err instanceof Error ? err.message : String(err) } satisfies ChunkReply);
    return;
  }
  parentPort!.postMessage({ batch: req.batch, chunk: req.chunk, decisions: d } satisfies ChunkReply, [d.pack.buffer, d.outcome.buffer, d.scoreMin.buffer, d.scoreMax.buffer]);
});
