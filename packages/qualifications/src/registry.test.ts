import { describe, expect, test } from 'vitest';
import { evaluateProfile } from './evaluate.ts';
import { RuleSelectionError } from './errors.ts';
import { selectPack } from './registry.ts';

describe('the version in force is chosen by the assessment date', () => {
  test('little-giant and specialized-sme switch to the 2026 texts on 2026-04-01, not the day before', () => {
    expect(selectPack('little-giant', '2026-03-31').version).toBe('2022');
    expect(selectPack('little-giant', '2026-04-01').version).toBe('2026');
    expect(selectPack('specialized-sme', '2026-03-31').version).toBe('2022');
    expect(selectPack('specialized-sme', '2026-04-01').version).toBe('2026');
  });

  test('tech-sme and hnte keep their single versions', () => {
    expect(selectPack('hnte', '2030-01-01').version).toBe('2016');
    expect(selectPack('tech-sme', '2030-01-01').version).toBe('2022');
  });

  test('before a rule existed there is no version to apply: asked for by name it is an error, among all rules it is left out', () => {
    expect(() => selectPack('little-giant', '2022-05-31')).toThrow(RuleSelectionError);
    expect(() => evaluateProfile({ id: 'a' }, { rules: ['little-giant'], asOf: '2022-05-31' })).toThrow(RuleSelectionError);
    const all = evaluateProfile({ id: 'a' }, { asOf: '2022-05-31' }).results.map((r) => r.rule);
    expect(all).toEqual(['tech-sme', 'hnte', 'gazelle', 'unicorn']);
  });

  test('asOf overrides the profile date; without either the engine refuses to guess', () => {
    const r = evaluateProfile({ id: 'a', assessedOn: '2025-01-01' }, { rules: ['little-giant'], asOf: '2026-04-01' });
    expect(r.results[0]!.version).toBe('2026');
    expect(() => evaluateProfile({ id: 'a' })).toThrow(RuleSelectionError);
  });
});
