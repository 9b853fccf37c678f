import { LineIndex } from '../parse/line-index.js';
import { lineAt } from './line-at.js';
import { plural } from '../report/text.js';
import { RULES } from '../rules/index.js';
import type { Finding } from '../rules/types.js';
import { uncallableByteCompile } from '../rules/utils/uncallable-byte-compile.js';
import type { TrailChange } from './edit-trail.js';
import type { Analysis, ByteCompilePlan, DirectoryStatus, ReproducibleStatus } from './plan.js';
import { REPRODUCIBLE_ORIGIN } from './reproducible.js';

/**
 * The plan for people, in plain stable text: private module directories and how each gets its
 * byte code, the numbered changes with the lines to add and where, the BuildRequires among them,
 * reproducible byte code when asked, what is left to do by hand, and what speclint cannot tell.
 * With `written`, line numbers are those of the written file; otherwise those of the spec as it is.
 */
export function formatPlan(plan: ByteCompilePlan, written: boolean): string {
  const view = new PlanView(plan, written);
  const out = [`${plan.filename}, for ${plan.target.id} (${plan.target.label})`, ''];
  out.push('Private modules outside the Python directories:');
  out.push(...(plan.directories.length === 0 ? ['  none found'] : plan.directories.map((d) => `  ${d.dir} (line ${view.lineOf(d.modules[0]!.span.start)}): ${view.directoryState(d)}`)));
  if (plan.changes.length > 0) {
    out.push('', written ? 'Changes made:' : 'Changes to make:');
    plan.changes.forEach((change, i) => out.push(...view.change(change, i)));
  }
  out.push('', `BuildRequires to add: ${view.buildRequires()}`);
  if (plan.reproducible !== null) out.push('', 'Reproducible byte code:', `  ${view.reproducible(plan.reproducible)}`);
  if (plan.remaining.length > 0) {
    out.push('', 'Not done automatically:');
    for (const finding of plan.remaining) out.push(...view.remaining(finding));
  }
  if (plan.undetermined.length > 0) {
    out.push('', 'Cannot tell:');
    for (const item of plan.undetermined) {
      out.push(`  line ${view.lineOf(item.span.start)}: ${item.reason}`);
      if (item.suggestion !== null) out.push(`    ${item.suggestion}`);
    }
  }
  out.push('', verdict(plan, written), '');
  return out.join('\n');
}

function verdict(plan: ByteCompilePlan, written: boolean): string {
  const changes = plural(plan.changes.length, 'change');
  const left = plan.remaining.length > 0 ? ` ${plural(plan.remaining.length, 'finding')} left to handle by hand (see "Not done automatically").` : '';
  if (written) return `Wrote ${changes} to ${plan.filename}.${left}`;
  if (plan.changes.length > 0) return `${changes} to make; run with --write to make ${plan.changes.length === 1 ? 'it' : 'them'}.${left}`;
  if (plan.remaining.length > 0) return `Nothing speclint can add by itself.${left}`;
  if (plan.undetermined.length > 0) return 'Nothing to add that speclint can see, but it cannot tell everything (see "Cannot tell").';
  return `Nothing to add: the spec already does everything byte-compilation needs on ${plan.target.id}.`;
}

/** Line numbers and wording, in the original spec or, once written, in the written one. */
class PlanView {
  private readonly before: LineIndex;
  private readonly after: LineIndex;

  constructor(private readonly plan: ByteCompilePlan, private readonly written: boolean) {
    this.before = new LineIndex(plan.before.text);
    this.after = new LineIndex(plan.after.text);
  }

  /** The line of an offset into the original spec. */
  lineOf(offset: number): number {
    return this.written ? this.after.position(this.plan.trail.toCurrent(offset)).line : this.before.position(offset).line;
  }

  /** The line of an offset into the changed spec. */
  lineOfCurrent(offset: number): number {
    return this.written ? this.after.position(offset).line : this.before.position(this.plan.trail.toOriginal(offset)).line;
  }

  directoryState(directory: DirectoryStatus): string {
    const { state } = directory;
    switch (state.kind) {
      case 'compiled':
        return `byte-compiled at line ${state.offsets.map((o) => this.lineOf(o)).join(', ')}`;
      case 'planned':
        return this.written ? `byte-compiled by change ${state.change + 1}` : `not byte-compiled; change ${state.change + 1} compiles it`;
      case 'automatic':
        if (state.python === '3' && state.change !== null) {
          return `byte-compiled by rpm's automatic step with Python 3, ${this.written ? 'since' : 'once'} change ${state.change + 1} points %__python at it`;
        }
        if (state.python === '3') return "byte-compiled by rpm's automatic step with Python 3 (%__python)";
        return `byte-compiled by rpm's automatic step with Python 2.7 (%__python)${this.plan.remaining.some((f) => f.ruleId === 'PY018') ? ', wrong for this Python 3 package (see "Not done automatically")' : ''}`;
      case 'uncompiled':
        return 'not byte-compiled, and speclint cannot add the call (see below)';
    }
  }

  change(change: TrailChange, index: number): string[] {
    const eol = /\r?\n/;
    const origin = change.origin.ruleId;
    const wholeLines = this.isWholeLines(change);
    const at = wholeLines && !this.written
      ? (change.start === 0 ? 'before line 1' : `after line ${this.before.position(change.start - 1).line}`)
      : `line ${this.after.position(change.currentStart + (/^\r?\n/.exec(change.text)?.[0].length ?? 0)).line}`;
    const head = `  ${index + 1}. ${at}, ${this.placeOf(change)} [${origin}]:`;
    if (wholeLines) return [head, ...change.text.split(eol).filter((l) => l !== '').map((l) => `       ${l}`)];
    const lineStart = this.plan.after.text.lastIndexOf('\n', change.currentStart - 1) + 1;
    const lineEnd = this.plan.after.text.indexOf('\n', change.currentEnd);
    const becomes = this.plan.after.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
    return [`${head.slice(0, -1)}, which ${this.written ? 'now reads' : 'becomes'}:`, ...becomes.split(eol).map((l) => `       ${l}`)];
  }

  buildRequires(): string {
    const added = this.plan.changes.flatMap((c, i) => [...c.text.matchAll(/^BuildRequires:\s*(.+?)\s*$/gm)].map((m) => `${m[1]!} (change ${i + 1})`));
    return added.length === 0 ? 'none' : added.join(', ');
  }

  reproducible(status: ReproducibleStatus): string {
    const id = this.plan.target.id;
    const defined = status.defined === null ? '' : ` (line ${this.lineOf(status.defined)} defines it)`;
    if (status.effect === 'no-effect') return `${id} has no brp-fix-pyc-reproducibility, so %py_reproducible_pyc_path does nothing there${defined}; nothing added`;
    if (status.effect === 'redundant') return `not needed on ${id}: add-determinism already makes every .pyc in the buildroot reproducible${defined}; nothing added`;
    const numbers = (origin: string): string[] => this.plan.changes.flatMap((c, i) => (c.origin.ruleId === origin ? [`change ${i + 1}`] : []));
    const requires = numbers('PY008');
    const required = requires.length > 0 ? `${requires.join(', ')} BuildRequires /usr/bin/marshalparser` : this.plan.remaining.some((f) => f.ruleId === 'PY008') ? '/usr/bin/marshalparser is missing (see "Not done automatically")' : '/usr/bin/marshalparser is BuildRequired';
    if (status.defined !== null) return `%py_reproducible_pyc_path is defined at line ${this.lineOf(status.defined)}; ${required}`;
    const definitions = numbers(REPRODUCIBLE_ORIGIN);
    if (definitions.length === 0) return 'speclint found no preamble tag to put the %py_reproducible_pyc_path definition after';
    return `${definitions.join(', ')} defines %py_reproducible_pyc_path; ${required}`;
  }

  remaining(finding: Finding): string[] {
    const lines = [`  line ${this.lineOfCurrent(finding.span.start)}: ${finding.message} [${finding.ruleId}]`];
    if (finding.fix !== undefined) {
      lines.push(`    to review, then make by hand: ${finding.fix.title}`);
      for (const edit of finding.fix.edits) lines.push(...edit.text.split(/\r?\n/).filter((l) => l !== '').map((l) => `      ${l}`));
      const safety = RULES.find((rule) => rule.meta.id === finding.ruleId)?.meta.docs.fixSafety;
      if (safety !== undefined) lines.push(`    why it is not automatic: ${safety}`);
    } else if (finding.ruleId === 'PY001') {
      lines.push(`    no change offered: ${this.noByteCompileReason(this.plan.after)}`);
    }
    return lines;
  }

  /** PY001's reasons for offering no call, as far as they hold for the whole spec. */
  private noByteCompileReason(analysis: Analysis): string {
    const uncallable = uncallableByteCompile(analysis.expansion.scope);
    if (uncallable !== null) return uncallable;
    switch (analysis.model.installEndMissing) {
      case 'no-install': return 'the spec has no %install to put %py_byte_compile in';
      case 'unfollowable': return '%install ends inside a command that speclint cannot follow to its end';
      case 'undecided': return 'speclint cannot tell which command of %install runs last (they stand under conditions it cannot decide)';
      case null: return 'speclint cannot tell where the call would go';
    }
  }

  /** Whether the change adds whole lines between existing ones (or after the last one). */
  private isWholeLines(change: TrailChange): boolean {
    const text = this.plan.before.text;
    if (change.start !== change.end) return false;
    if (change.start === text.length && /^\r?\n/.test(change.text)) return true;
    return (change.start === 0 || text[change.start - 1] === '\n') && change.text.endsWith('\n');
  }

  /** The section a change goes in: `at the end of %install`, `in %install`, `in the preamble`. */
  private placeOf(change: TrailChange): string {
    const { before } = this.plan;
    const anchor = change.start === 0 ? 0 : change.start - 1;
    const line = lineAt(before.expansion.lines, anchor);
    if (line === undefined) return 'at the end of the spec';
    if (line.line === before.model.installEnd && change.start === line.line.span.end) return 'at the end of %install';
    return line.section.name === 'preamble' ? 'in the preamble' : `in %${line.section.name}`;
  }
}
