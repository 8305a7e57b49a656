// A worker of the evaluation pool: evaluates the chunks it is sent and returns their decisions as typed
// arrays (transferred, not copied). A profile that cannot be evaluated fails the whole chunk with its id.
import { parentPort } from 'node:worker_threads';
import type { Profile, RuleId } from '../types.ts';
import { evaluateProfile } from '../evaluate.ts';
import { ProfileValidationError } from '../errors.ts';
import { validateProfile } from '../validate-profile.ts';
import { emptyDecisions, writeDecisions, type BatchDecisions } from './batch-decisions.ts';

export interface ChunkRequest {
  /** Which decide() call: replies of an abandoned batch must not land in the next one. */
  batch: number;
  chunk: number;
  /** Profiles as objects (cloned on the way here), or as JSON texts parsed and validated here. */
  profiles?: Profile[];
  texts?: string[];
  rules?: RuleId[];
  asOf?: string;
}

/** Profiles per chunk: small enough to spread a batch over the workers, large enough to keep messages few. */
export const CHUNK_SIZE = 2_000;

export type ChunkReply = { batch: number; chunk: number; decisions: BatchDecisions } | { batch: number; chunk: number; error: string };

/** A profile read from JSON text is outside input: validated before the engine trusts it. */
function parsed(text: string, chunk: number, i: number): Profile {
  try {
    return validateProfile(JSON.parse(text));
  } catch (err) {
    const where = `profile ${chunk * CHUNK_SIZE + i}`;
    if (err instanceof ProfileValidationError) throw new Error(`${where} (${err.profileId ?? '?'}): ${err.message}`);
    throw new Error(`${where}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

parentPort?.on('message', (req: ChunkRequest) => {
  const opts = { ...(req.rules === undefined ? {} : { rules: req.rules }), ...(req.asOf === undefined ? {} : { asOf: req.asOf }) };
  const n = req.texts?.length ?? req.profiles?.length ?? 0;
  const d = emptyDecisions(n);
  try {
    for (let i = 0; i < n; i++) writeDecisions(d, i, evaluateProfile(req.texts ? parsed(req.texts[i]!, req.chunk, i) : req.profiles![i]!, opts));
  } catch (err) {
    parentPort!.postMessage({ batch: req.batch, chunk: req.chunk, error: err instanceof Error ? err.message : String(err) } satisfies ChunkReply);
    return;
  }
  parentPort!.postMessage({ batch: req.batch, chunk: req.chunk, decisions: d } satisfies ChunkReply, [d.pack.buffer, d.outcome.buffer, d.scoreMin.buffer, d.scoreMax.buffer]);
});
