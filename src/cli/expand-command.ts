import { IoError, UsageError } from '../errors.js';
import { readSpecFile } from '../io/spec-source.js';
import { printRpmspec } from '../macros/rpmspec-output.js';
import { expandSpec } from '../macros/spec-expander.js';
import { findTarget, TARGETS } from '../macros/targets.js';
import { parseSpec } from '../parse/index.js';
import { LineIndex } from '../parse/line-index.js';
import type { CliIo } from './io.js';

export interface ExpandOptions {
  readonly target: string;
  readonly define: readonly string[];
}

/**
 * Prints the spec as rpm reads it for the target, in the shape of `rpmspec -P`: conditionals
 * resolved, macros expanded, %setup and %patch written out. Nothing in the spec is run: `%(…)`
 * and Lua are printed as written. Macro errors and warnings go to stderr with the line.
 */
export async function runExpand(file: string, options: ExpandOptions, io: CliIo): Promise<number> {
  const target = findTarget(options.target);
  if (target === undefined) {
    throw new UsageError(`unknown target ${JSON.stringify(options.target)}; choose one of ${[...TARGETS.keys()].join(', ')}`);
  }
  let source;
  try {
    source = await readSpecFile(file);
  } catch (error) {
    if (!(error instanceof IoError)) throw error;
    io.stderr(`speclint: ${error.message}\n`);
    return 2;
  }
  const { file: tree } = parseSpec(source.text, { filename: file });
  const expansion = expandSpec(tree, target, { defines: options.define });
  io.stdout(printRpmspec(expansion));
  const lines = new LineIndex(source.text);
  for (const diagnostic of expansion.diagnostics) {
    io.stderr(`${file}:${lines.position(diagnostic.line.span.start).line}: ${diagnostic.severity}: ${diagnostic.message}\n`);
  }
  return 0;
}
