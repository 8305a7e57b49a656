// `kechuang evaluate` run as a user runs it: a child process on a fixture file, its stdout read as JSON.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateProfile, validateProfile, type ProfileEvaluation } from '@kechuang/qualifications';
import { beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const bin = join(root, 'apps/server/bin/kechuang.js');
const fixture = join(root, 'packages/qualifications/test-data/profiles.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function kechuang(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kechuang-evaluate-'));
});

describe('kechuang evaluate', () => {
  test('prints one element per profile with every rule pack, agreeing with the engine called directly', async () => {
    const run = await kechuang(['evaluate', fixture, '--as-of', '2025-06-30']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as ProfileEvaluation[];
    const profiles = JSON.parse(readFileSync(fixture, 'utf8')) as unknown[];
    expect(out.map((o) => o.id)).toEqual(['qualified-hnte', 'rd-short', 'sparse']);
    expect(out[0]!.results.map((r) => r.rule)).toEqual(['tech-sme', 'hnte', 'innovative-sme', 'specialized-sme', 'little-giant', 'gazelle', 'unicorn']);
    const direct = profiles.map((p) => evaluateProfile(validateProfile(p, '2025-06-30'), { asOf: '2025-06-30' }));
    expect(out).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  test('the hnte result has the issue shape and the R&D gap in numbers', async () => {
    const run = await kechuang(['evaluate', fixture, '--rules', 'hnte', '--as-of', '2025-06-30']);
    const [good, short, sparse] = JSON.parse(run.stdout) as ProfileEvaluation[];
    expect(good!.results).toHaveLength(1);
    expect(good!.results[0]).toMatchObject({ rule: 'hnte', version: '2016', outcome: 'qualified' });
    for (const c of good!.results[0]!.criteria) expect(Object.keys(c).sort()).toEqual(['id', 'message', 'message_en', 'points', 'status', 'threshold', 'value']);
    expect(short!.results[0]!.outcome).toBe('not_qualified');
    expect(short!.results[0]!.gaps.map((g) => g.message)).toContain('研发费用占比 3.2% < 4%: 近三年还需增加研发投入 96.0万元');
    expect(sparse!.results[0]!.outcome).toBe('undetermined');
    expect(sparse!.results[0]!.criteria.find((c) => c.id === 'rd_expense_ratio')?.status).toBe('unknown');
  });

  test('--as-of picks the little-giant version: 2022 on 2026-03-31, 2026 from 2026-04-01', async () => {
    const before = JSON.parse((await kechuang(['evaluate', fixture, '--rules', 'little-giant', '--as-of', '2026-03-31'])).stdout) as ProfileEvaluation[];
    const after = JSON.parse((await kechuang(['evaluate', fixture, '--rules', 'little-giant', '--as-of', '2026-04-01'])).stdout) as ProfileEvaluation[];
    expect(before[0]!.results[0]!.version).toBe('2022');
    expect(after[0]!.results[0]!.version).toBe('2026');
  });

  test('an invalid profile is reported with its field and rule in both languages, and the exit code is 1', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify([{ id: 'ok' }, { id: 'bad', financials: [{ year: 2024, rdExpense: -5 }], ip: [{ kind: 'trademark', status: 'granted' }] }]));
    const run = await kechuang(['evaluate', file, '--rules', 'tech-sme', '--as-of', '2025-01-01']);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as ({ id: string; error?: { issues: { field: string; rule: string; message: string; message_en: string }[] } })[];
    expect(out[0]).toHaveProperty('results');
    const issues = out[1]!.error!.issues;
    expect(issues.map((i) => [i.field, i.rule])).toEqual([['financials[0].rdExpense', 'non_negative'], ['ip[0].kind', 'one_of']]);
    expect(issues[0]!.message).toContain('不能为负数');
    expect(issues[0]!.message_en).toContain('must not be negative');
    expect(run.stderr).toContain('financials[0].rdExpense');
  });

  test('a bad --as-of date or an unknown rule is refused before anything is printed', async () => {
    const badDate = await kechuang(['evaluate', fixture, '--as-of', '2025-02-30']);
    expect(badDate.code).toBe(1);
    expect(badDate.stdout).toBe('');
    expect(badDate.stderr).toContain('--as-of');
    const badRule = await kechuang(['evaluate', fixture, '--rules', 'hnte,unicorns']);
    expect(badRule.code).toBe(1);
    expect(badRule.stderr).toContain('unicorns');
  });
});
