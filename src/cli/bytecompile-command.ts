import { formatPlan } from '../bytecompile/format-text.js';
import { type ByteCompilePlan, planByteCompilation, type PlanOptions } from '../bytecompile/plan.js';
import { IoError, UsageError } from '../errors.js';
import { encodeSpec, readSpecFile } from '../io/spec-source.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { findTarget, TARGETS } from '../macros/targets.js';
import { LineIndex } from '../parse/line-index.js';
import type { CliIo } from './io.js';

export interface BytecompileOptions {
  readonly target: string;
  readonly reproducible?: boolean;
  readonly write?: boolean;
}

/**
 * Prints what byte-compilation needs in one spec for one target and, with `write`, makes those
 * changes in the file. Exit code: 0 when nothing is needed (or, after writing, nothing is left),
 * 1 when something is to add or to do by hand, 2 on a usage or I/O error or when the written file
 * does not come out as planned.
 */
export async function runBytecompile(file: string, options: BytecompileOptions, io: CliIo): Promise<number> {
  const target = findTarget(options.target);
  if (target === undefined) {
    throw new UsageError(`unknown target ${JSON.stringify(options.target)}; choose one of ${[...TARGETS.keys()].join(', ')}`);
  }
  const planOptions: PlanOptions = { filename: file, target, reproducible: options.reproducible === true };
  try {
    const source = await readSpecFile(file);
    const plan = planByteCompilation(source.text, planOptions);
    if (plan.problem !== null) {
      // Fixes that do not settle make a plan nobody should apply, or read.
      io.stderr(`speclint: ${file}: cannot plan byte-compilation: ${plan.problem}${options.write === true ? '; nothing written' : ''} (speclint lint shows the findings)\n`);
      return 2;
    }
    if (options.write !== true || plan.changes.length === 0) {
      io.stdout(formatPlan(plan, false));
      return plan.changes.length > 0 || plan.remaining.length > 0 ? 1 : 0;
    }
    await writeFileAtomic(file, encodeSpec(plan.after.text, source.encoding));
    io.stdout(formatPlan(plan, true));
    const failure = await checkWritten(file, plan, planOptions);
    if (failure !== null) {
      io.stderr(`speclint: ${file}: ${failure}\n`);
      return 2;
    }
    return plan.remaining.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof IoError)) throw error;
    io.stderr(`speclint: ${error.message}\n`);
    return 2;
  }
}

/**
 * Reads the written file back and plans it again: it must hold the planned text, need no further
 * change (so a second --write changes nothing), and no byte-compilation rule may report a line
 * that the changes added.
 */
async function checkWritten(file: string, plan: ByteCompilePlan, options: PlanOptions): Promise<string | null> {
  const { text } = await readSpecFile(file);
  if (text !== plan.after.text) return 'the written file does not read back as planned';
  const again = planByteCompilation(text, options);
  if (again.changes.length > 0) return `after writing, ${again.changes.map((c) => c.origin.ruleId).join(', ')} still ${again.changes.length === 1 ? 'asks' : 'ask'} for changes`;
  const lines = new LineIndex(text);
  const onAdded = again.remaining.find((f) => plan.changes.some((c) => f.span.start < c.currentEnd && c.currentStart < Math.max(f.span.end, f.span.start + 1)));
  return onAdded === undefined ? null : `after writing, ${onAdded.ruleId} reports line ${lines.position(onAdded.span.start).line}, which speclint added: ${onAdded.message}`;
}
