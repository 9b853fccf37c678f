import { lintText, type LintResult } from '../engine/lint.js';
import { applyFixes, type FixCandidate } from '../fix/apply.js';
import type { Edit } from '../fix/edit.js';
import { fixUntilStable, type FixPassLint } from '../fix/loop.js';
import { MacroExpander } from '../macros/expand.js';
import type { SpecExpansion } from '../macros/spec-expander.js';
import type { Target } from '../macros/targets.js';
import type { BuildrootModel } from '../model/buildroot.js';
import type { Finding } from '../rules/types.js';
import { automaticBytecompileSwitches } from '../rules/utils/automatic-bytecompile.js';
import { python3InterpreterMacro } from '../rules/utils/python3-interpreter-macro.js';
import { isPython3Package } from '../rules/utils/python3-package.js';
import { type ChangeOrigin, EditTrail, type TrailChange } from './edit-trail.js';
import { compilersOf, type PrivateDirectory, privateDirectories } from './private-directories.js';
import { pythonOverrideIsSafe } from './python-override.js';
import { REPRODUCIBLE_ORIGIN, reproducibleDefinition, reproducibleEffect, type ReproducibleEffect, reproducibleFix } from './reproducible.js';
import { BYTECOMPILE_RULES, ruleOrder } from './rules.js';
import { type Undetermined, undeterminedModules } from './undetermined.js';

export interface PlanOptions {
  readonly filename: string;
  readonly target: Target;
  /** Also make the .pyc files reproducible where the target needs the spec to ask for it. */
  readonly reproducible: boolean;
}

/** A spec text as the plan sees it. */
export interface Analysis {
  readonly text: string;
  readonly lint: LintResult;
  readonly expansion: SpecExpansion;
  readonly model: BuildrootModel;
}

/** How a directory of private modules gets (or does not get) its byte code. */
export type DirectoryState =
  | { readonly kind: 'compiled'; readonly offsets: readonly number[] }
  | { readonly kind: 'planned'; readonly change: number }
  | { readonly kind: 'automatic'; readonly python: '2.7' | '3'; readonly change: number | null }
  | { readonly kind: 'uncompiled' };

export interface DirectoryStatus extends PrivateDirectory {
  readonly state: DirectoryState;
}

export interface ReproducibleStatus {
  readonly effect: ReproducibleEffect;
  /** Whether --reproducible asked for it (else the spec defines it already). */
  readonly asked: boolean;
  /** Offset of the spec's own definition, when it has one. */
  readonly defined: number | null;
}

export interface ByteCompilePlan {
  readonly filename: string;
  readonly target: Target;
  readonly before: Analysis;
  /** The spec with every change made. */
  readonly after: Analysis;
  /** In the original's order; offsets of the original, and of `after.text` for the new text. */
  readonly changes: readonly TrailChange[];
  /** Findings of the plan's rules that its changes leave (offsets of `after.text`): work for a person. */
  readonly remaining: readonly Finding[];
  readonly directories: readonly DirectoryStatus[];
  readonly undetermined: readonly Undetermined[];
  readonly reproducible: ReproducibleStatus | null;
  /** Why the changes stopped early (fixes undoing each other, or breaking the syntax). */
  readonly problem: string | null;
  readonly trail: EditTrail;
}

interface Pass extends FixPassLint, Analysis {
  readonly candidates: readonly FixCandidate[];
}

const PLAN_RULE_IDS: ReadonlySet<string> = new Set(BYTECOMPILE_RULES.map((rule) => rule.meta.id));

/**
 * Everything byte-compilation needs in one spec for one target, as one list of changes: the
 * byte-compilation rules' safe fixes (and, with `reproducible`, the `%py_reproducible_pyc_path`
 * definition), applied pass after pass like `--fix`, since one change can call for another
 * (`%py_byte_compile %{python3}` needs python3-devel; python3-devel makes EL7's PY018 apply).
 * Printing and writing both use the result, so what is shown is what is written.
 */
export function planByteCompilation(text: string, options: PlanOptions): ByteCompilePlan {
  const passes = new Map<string, Pass>();
  const trails = new Map<string, EditTrail>([[text, EditTrail.of(text)]]);
  let previous: Pass | null = null;
  const lint = (current: string): Pass => {
    if (previous !== null && !trails.has(current)) {
      // The loop made `current` from the previous pass's fixes: applying them again is pure and tells which edits it made.
      const step = applyFixes(previous.text, previous.candidates, 'safe');
      if (step.output === current) trails.set(current, trails.get(previous.text)!.apply(editsOf(step.applied), originOf(step.applied)));
    }
    const pass = analyse(current, options);
    passes.set(current, pass);
    previous = pass;
    return pass;
  };
  const run = fixUntilStable(text, lint, 'safe');
  const trail = trails.get(run.output);
  if (trail === undefined || trail.text() !== run.output) throw new Error(`the byte-compilation plan for ${options.filename} lost track of its edits`);
  const before = passes.get(text)!;
  const after = passes.get(run.output)!;
  const changes = trail.changes();
  const directories = directoryStatuses(before, after, changes);
  return {
    filename: options.filename,
    target: options.target,
    before,
    after,
    changes,
    remaining: after.lint.findings.filter((f) => PLAN_RULE_IDS.has(f.ruleId)),
    directories,
    undetermined: [...undeterminedModules(before.expansion, before.model, options.target.id === 'el7' ? null : python3InterpreterMacro(options.target)), ...el7PythonUnknown(after, directories)]
      .sort((a, b) => a.span.start - b.span.start),
    reproducible: reproducibleStatus(before, options),
    problem: run.problem,
    trail,
  };
}

function analyse(text: string, options: PlanOptions): Pass {
  // Only the plan's rules report: pragmas still suppress their findings, but tidying unused
  // pragmas (SL001) is not byte-compilation, and the plan must not touch them.
  const lint = lintText(text, { filename: options.filename, target: options.target, rules: BYTECOMPILE_RULES, codes: PLAN_RULE_IDS });
  const { expansion, buildroot: model } = lint;
  const overrideIsSafe = pythonOverrideIsSafe(expansion, text);
  const candidates: FixCandidate[] = lint.findings.flatMap((f) => {
    if (f.fix === undefined) return [];
    // PY018's override is unsafe only for specs that use what it re-points; elsewhere it is the EL7 recipe (facts c).
    const fix = f.ruleId === 'PY018' && overrideIsSafe ? { ...f.fix, applicability: 'safe' as const } : f.fix;
    return [{ fix, ruleId: f.ruleId, ruleOrder: ruleOrder(f.ruleId), message: f.message }];
  });
  // The definition waits for the rules' own fixes, so that it follows the BuildRequires they add.
  const settled = candidates.every((c) => c.fix.applicability !== 'safe');
  const reproducible = options.reproducible && settled ? reproducibleFix(expansion, model, text.includes('\r\n') ? '\r\n' : '\n') : null;
  if (reproducible !== null) candidates.push({ fix: reproducible, ruleId: REPRODUCIBLE_ORIGIN, ruleOrder: ruleOrder(REPRODUCIBLE_ORIGIN), message: reproducible.title });
  return { text, lint, expansion, model, candidates, parseProblems: lint.parse.diagnostics.length };
}

/** The edits a sweep made: applyFixes applies each distinct edit of the fixes it applied once. */
function editsOf(applied: readonly FixCandidate[]): Edit[] {
  const edits: Edit[] = [];
  for (const e of applied.flatMap((c) => c.fix.edits)) {
    if (!edits.some((d) => d.start === e.start && d.end === e.end && d.text === e.text)) edits.push(e);
  }
  return edits.sort((a, b) => a.start - b.start);
}

function originOf(applied: readonly FixCandidate[]): (edit: Edit) => ChangeOrigin {
  return (edit) => {
    const candidate = applied.find((c) => c.fix.edits.some((e) => e.start === edit.start && e.end === edit.end && e.text === edit.text))!;
    return { ruleId: candidate.ruleId, title: candidate.fix.title };
  };
}

function directoryStatuses(before: Analysis, after: Analysis, changes: readonly TrailChange[]): DirectoryStatus[] {
  const el7 = before.expansion.target.id === 'el7';
  const changeAt = (offset: number): number => changes.findIndex((c) => offset >= c.currentStart && offset < c.currentEnd);
  return privateDirectories(before.model).map((directory): DirectoryStatus => {
    const compilers = compilersOf(before.model, directory);
    if (compilers !== null) return { ...directory, state: { kind: 'compiled', offsets: compilers.map((c) => c.line.span.start) } };
    // EL7's automatic step compiles every private module with %__python, unless the spec switched it off (facts a.2, c).
    if (el7 && !automaticBytecompileSwitches(after.expansion, after.text).some((s) => s.kind !== 'zero')) {
      const python = /python3/.test(new MacroExpander(after.expansion.scope).expand('%{__python}')) ? '3' : '2.7';
      const change = changes.findIndex((c) => c.origin.ruleId === 'PY018');
      return { ...directory, state: { kind: 'automatic', python, change: change < 0 ? null : change } };
    }
    // Module paths stay what they were; the calls the changes added are in the changed spec's model.
    const added = (compilersOf(after.model, directory) ?? []).map((c) => changeAt(c.line.span.start)).find((i) => i >= 0);
    return { ...directory, state: added === undefined ? { kind: 'uncompiled' } : { kind: 'planned', change: added } };
  });
}

/**
 * On EL7 PY018 only knows a package for Python 3 by its python3-devel; without it the automatic
 * step's Python 2.7 may be right or wrong, and the plan says it cannot tell.
 */
function el7PythonUnknown(after: Analysis, directories: readonly DirectoryStatus[]): Undetermined[] {
  const python2 = directories.find((d) => d.state.kind === 'automatic' && d.state.python === '2.7');
  if (python2 === undefined || isPython3Package(after.expansion)) return [];
  return [{
    span: python2.modules[0]!.span,
    reason: `cannot tell which Python the modules in ${python2.dir} are for: the spec does not BuildRequire python3-devel, and el7 compiles them with Python 2.7`,
    suggestion: 'if they are for Python 3, add BuildRequires: python3-devel and run this again',
  }];
}

function reproducibleStatus(before: Analysis, options: PlanOptions): ReproducibleStatus | null {
  const definition = reproducibleDefinition(before.expansion);
  if (!options.reproducible && definition === null) return null;
  return { effect: reproducibleEffect(options.target), asked: options.reproducible, defined: definition?.line.span.start ?? null };
}
