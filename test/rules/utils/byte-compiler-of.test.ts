import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LineState } from '../../../src/macros/spec-expander.js';
import type { BuildrootModel, ByteCompile } from '../../../src/model/buildroot.js';
import { isBelow } from '../../../src/model/path-index.js';
import { byteCompilerOf } from '../../../src/rules/utils/byte-compiler-of.js';
import { isByteCompiled } from '../../../src/rules/utils/is-byte-compiled.js';

function call(installedPath: string | null, state: LineState): ByteCompile {
  return { installedPath, state, path: installedPath, interpreter: '%{python3}', unresolved: false, ignoredPaths: [], argCount: 2, section: 'install' } as Partial<ByteCompile> as ByteCompile;
}

function modelWith(byteCompiles: readonly ByteCompile[]): BuildrootModel {
  return { buildroot: '/buildroot', installed: [], shipped: [], installEnd: null, installEndMissing: 'no-install', byteCompiles };
}

/** What byteCompilerOf() stands for: the first active call whose directory holds the path. */
function scan(model: BuildrootModel, path: string): ByteCompile | undefined {
  return model.byteCompiles.find((b) => b.state !== 'inactive' && b.installedPath !== null && isBelow(path, b.installedPath));
}

const path = fc
  .tuple(fc.array(fc.constantFrom('usr', 'share', 'app', 'sub', 'a.py', ''), { maxLength: 5 }), fc.constantFrom('', '/'))
  .map(([names, trailing]) => `/${names.join('/')}${trailing}`);

describe('byteCompilerOf', () => {
  it('finds the call a scan of the calls finds, ignoring inactive calls and paths outside the buildroot', () => {
    const calls = fc.array(fc.tuple(fc.option(path, { nil: null }), fc.constantFrom<LineState>('active', 'inactive', 'undecided')), { maxLength: 10 })
      .map((specs) => specs.map(([dir, state]) => call(dir, state)));
    fc.assert(fc.property(calls, fc.array(path, { maxLength: 12 }), (listed, asked) => {
      const model = modelWith(listed);
      for (const p of asked) {
        expect(byteCompilerOf(model, p)).toBe(scan(model, p));
        expect(isByteCompiled(model, p)).toBe(scan(model, p) !== undefined);
      }
    }), { numRuns: 2_000 });
  });

  it('reads the calls once per model, not once per path asked about', () => {
    // A regression to scanning the calls for every path (quadratic on big specs) reads them
    // calls × paths times; the index reads each once, plus the one it answers with.
    let reads = 0;
    const calls = Array.from({ length: 200 }, (_, i) => call(`/usr/share/app${i}`, 'active'));
    const counted = new Proxy(calls, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const model = modelWith(counted);
    const asked = Array.from({ length: 2_000 }, (_, i) => `/usr/share/app${i % 400}/module.py`);
    const compiled = asked.filter((p) => isByteCompiled(model, p));
    expect(compiled).toHaveLength(1_000);
    expect(reads).toBeLessThanOrEqual(calls.length + asked.length);
  });
});
