import { describe, expect, it } from 'vitest';
import { reproducibleEffect } from '../../src/bytecompile/reproducible.js';
import { findTarget, TARGETS, targetScope } from '../../src/macros/targets.js';

describe('reproducibleEffect', () => {
  it('follows the facts table: Fedora 33–40, EL9 and EL10 need it, Fedora 41+ has add-determinism, EL7 and EL8 have no such step', () => {
    const effect = (id: string): string => reproducibleEffect(findTarget(id)!);
    expect(['fedora-33', 'fedora-40', 'el9', 'el10'].map(effect)).toEqual(['needed', 'needed', 'needed', 'needed']);
    expect(['fedora-41', 'fedora', 'fedora-rawhide'].map(effect)).toEqual(['redundant', 'redundant', 'redundant']);
    expect(['el7', 'el8'].map(effect)).toEqual(['no-effect', 'no-effect']);
  });

  it('agrees with the macros each target defines', () => {
    for (const target of TARGETS.values()) {
      const scope = targetScope(target);
      const expected = !scope.has('__brp_fix_pyc_reproducibility') ? 'no-effect' : scope.has('__brp_add_determinism') ? 'redundant' : 'needed';
      expect(reproducibleEffect(target), target.id).toBe(expected);
    }
  });
});
