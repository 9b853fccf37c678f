import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/parse/index.js';
import { expectLosslessTree } from '../helpers/tree-invariants.js';

/** Inputs built to make a naive parser recurse or rescan; each must stay fast and lossless. */
function timed(input: string): { ms: number; codes: string[] } {
  const started = performance.now();
  const { file, diagnostics } = parseSpec(input);
  const ms = performance.now() - started;
  expectLosslessTree(file, input);
  return { ms, codes: [...new Set(diagnostics.map((d) => d.code))] };
}

describe('parser limits', () => {
  it('50,000 nested %{ that close', () => {
    const { ms, codes } = timed(`Name: ${'%{?a:'.repeat(50_000)}x${'}'.repeat(50_000)}\n`);
    expect(codes).toEqual(['SP010']);
    expect(ms).toBeLessThan(5_000);
  });

  it('50,000 nested %{ that never close', () => {
    const { ms, codes } = timed(`Name: ${'%{'.repeat(50_000)}\n`);
    expect(codes).toEqual(['SP001']);
    expect(ms).toBeLessThan(5_000);
  });

  it('10,000 lines each with an unclosed %{ (no rescanning to the end per line)', () => {
    const { ms, codes } = timed('Requires: %{broken\n'.repeat(10_000));
    expect(codes).toEqual(['SP001']);
    expect(ms).toBeLessThan(5_000);
  });

  it('deeply nested parentheses in a condition', () => {
    const { ms } = timed(`%if ${'('.repeat(20_000)}1${')'.repeat(20_000)}\n%endif\n`);
    expect(ms).toBeLessThan(5_000);
  });

  it('a 1 MB line', () => {
    const { ms } = timed(`%description\n${'x%{y}'.repeat(200_000)}\n`);
    expect(ms).toBeLessThan(5_000);
  });
});
