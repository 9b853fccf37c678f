import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseSpec } from '../../src/parse/index.js';
import { HAVE_CORPUS } from '../helpers/corpus.js';
import { corpusSampleBytes, exampleSpecBytes } from '../helpers/spec-arbitraries.js';
import { expectLosslessTree } from '../helpers/tree-invariants.js';

/** Pieces that exercise the grammar's hard parts far more often than random characters would. */
const SPEC_PIECES = [
  '%', '%%', '%{', '}', '%(', ')', '%[', ']', '{', '(', '\\', '\\\n', '\n', '\r\n', '\r', ' ', '\t', ':', '?', '!',
  '#', '"', '*', '-n ', '-f ', '--', '\uFEFF', '\0', 'é', '\uD83D', 'Name: ', 'BuildRequires: ', 'Requires(post): ',
  '%if ', '%if 0%{?fedora} >= 30', '%elif ', '%else', '%endif', '%ifarch x86_64', '%global ', '%define f(a:b) ',
  '%undefine x', '%package ', '%description', '%files', '%prep', '%build', '%install', '%changelog', '* Mon Jan 01 2024 A <a@b> - 1-1',
  '%doc ', '%attr(0644,root,root) ', '%config(noreplace) ', '%{expand:', '%{lua:', '%{?x:', '%{!?x:', '%dnl ', '%include ',
  '%{name}', '%name', '%1', '%*', '%{-f*}', '&&', '||', '==', 'v"1.2"',
];

const specLike = fc.array(fc.oneof(fc.constantFrom(...SPEC_PIECES), fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((pieces) => pieces.join(''));

/** Our examples and, when the corpus is present, every 25th of its specs (the huge ones left out, so each case stays fast). */
function examples(): string[] {
  const files = [...exampleSpecBytes().values(), ...corpusSampleBytes(25, 40_000).samples.values()];
  return files.map((bytes) => bytes.toString('latin1'));
}

/** A real spec with a few random edits: cut, duplicate or insert at random places. */
const mutatedSpec = fc.record({
  base: fc.constantFrom(...examples()),
  edits: fc.array(fc.record({
    kind: fc.constantFrom('cut', 'duplicate', 'insert'),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.nat({ max: 200 }),
    piece: fc.constantFrom(...SPEC_PIECES),
  }), { minLength: 1, maxLength: 5 }),
}).map(({ base, edits }) => edits.reduce((text, edit) => {
  const at = Math.floor(edit.at * text.length);
  switch (edit.kind) {
    case 'cut': return text.slice(0, at) + text.slice(at + edit.length);
    case 'duplicate': return text.slice(0, at + edit.length) + text.slice(at, at + edit.length) + text.slice(at + edit.length);
    case 'insert': return text.slice(0, at) + edit.piece + text.slice(at);
  }
  return text;
}, base));

describe('the parser is total and lossless', () => {
  it('on arbitrary strings, including lone surrogates and NUL', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (input) => {
      expectLosslessTree(parseSpec(input).file, input);
    }), { numRuns: 2000 });
  });

  it('on strings built from spec syntax', () => {
    fc.assert(fc.property(specLike, (input) => {
      expectLosslessTree(parseSpec(input).file, input);
    }), { numRuns: 3000 });
  });

  it(`on mutated real specs (specs-examples${HAVE_CORPUS ? ' and a sample of the corpus' : ''})`, () => {
    fc.assert(fc.property(mutatedSpec, (input) => {
      expectLosslessTree(parseSpec(input).file, input);
    }), { numRuns: 1000 });
  });
});
