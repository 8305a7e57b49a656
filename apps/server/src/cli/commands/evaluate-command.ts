// `kechuang evaluate PROFILES.json [--rules tech-sme,hnte,...] [--as-of YYYY-MM-DD]`: runs the official-rules
// engine over a JSON array of enterprise profiles and prints a JSON array, one element per profile.
import { readFile } from 'node:fs/promises';
import {
  evaluateProfile, isRuleId, isValidIsoDate, ProfileValidationError, RULE_IDS, RuleSelectionError, validateProfile,
  type ProfileEvaluation, type ProfileIssue, type RuleId,
} from '@kechuang/qualifications';
import type { Command } from 'commander';

export interface EvaluateCommandOptions {
  rules?: string;
  asOf?: string;
  /** The date used when neither --as-of nor a profile's assessedOn gives one (today, local time). */
  today: string;
}

/** One element of the output: the results, or why the profile could not be evaluated. */
export type EvaluateOutput = ProfileEvaluation | { id: string | null; error: { issues: ProfileIssue[] } };

export class EvaluateUsageError extends Error {}

export function parseRules(s: string | undefined): RuleId[] | undefined {
  if (s === undefined) return undefined;
  const ids = s.split(',').map((x) => x.trim()).filter((x) => x !== '');
  const bad = ids.filter((x) => !isRuleId(x));
  if (bad.length > 0 || ids.length === 0)
    throw new EvaluateUsageError(`--rules: unknown rule ${bad.join(', ') || '(none)'}; known: ${RULE_IDS.join(', ')} / 未知规则`);
  return ids as RuleId[];
}

/** Evaluates every profile; invalid ones become error elements instead of stopping the run. */
export function evaluateProfiles(input: unknown, opts: EvaluateCommandOptions): { output: EvaluateOutput[]; invalid: number } {
  if (opts.asOf !== undefined && !isValidIsoDate(opts.asOf))
    throw new EvaluateUsageError(`--as-of: must be a valid date YYYY-MM-DD / 应为有效日期, got ${JSON.stringify(opts.asOf)}`);
  const rules = parseRules(opts.rules);
  const profiles = Array.isArray(input) ? input : [input];
  const output: EvaluateOutput[] = [];
  let invalid = 0;
  for (const raw of profiles) {
    try {
      const p = validateProfile(raw, opts.asOf);
      const asOf = opts.asOf ?? p.assessedOn ?? opts.today;
      output.push(evaluateProfile(p, { rules, asOf }));
    } catch (err) {
      if (err instanceof ProfileValidationError) output.push({ id: err.profileId, error: { issues: err.issues } });
      else if (err instanceof RuleSelectionError)
        output.push({ id: idOf(raw), error: { issues: [{ field: err.field, rule: 'rule_in_force', message: err.message_zh, message_en: err.message }] } });
      else throw err;
      invalid++;
    }
  }
  return { output, invalid };
}

function idOf(raw: unknown): string | null {
  if (typeof raw === 'object' && raw !== null && 'id' in raw) return String((raw as { id: unknown }).id);
  return null;
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('评价企业梯次资格 — evaluate enterprise profiles against the official qualification rules')
    .argument('<profiles>', 'JSON file: an array of profiles (amounts in 元)')
    .option('--rules <ids>', `comma-separated rule packs (${RULE_IDS.join(',')}); all when omitted`)
    .option('--as-of <date>', "assessment date YYYY-MM-DD; default: each profile's assessedOn, else today")
    .action(async (file: string, opts: { rules?: string; asOf?: string }) => {
      let input: unknown;
      try {
        input = JSON.parse(await readFile(file, 'utf8')) as unknown;
      } catch (err) {
        throw new Error(`${file}: not readable JSON / 无法读取 JSON: ${err instanceof Error ? err.message : String(err)}`);
      }
      const { output, invalid } = evaluateProfiles(input, { ...opts, today: localToday() });
      // Wait for the pipe to take the whole array: main.ts may call process.exit right after a failure.
      await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(output, null, 2)}\n`, () => resolve()));
      for (const o of output)
        if ('error' in o) for (const i of o.error.issues) process.stderr.write(`kechuang evaluate: ${o.id ?? '?'}: ${i.message_en} / ${i.message}\n`);
      if (invalid > 0) process.exitCode = 1;
    });
}
