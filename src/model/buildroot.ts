import { MacroExpander } from '../macros/expand.js';
import type { LineState, SpecExpansion } from '../macros/spec-expander.js';
import { sourceOf } from '../macros/source-map.js';
import { hasUnknown } from '../macros/unknown.js';
import { commandEnd } from '../parse/command-end.js';
import type { Line, Span, SpecFile } from '../parse/cst.js';
import { shellWords, type ShellWord } from './shell-words.js';

/**
 * What `%install` puts into the buildroot and what `%files` ships, from the expanded spec. Every
 * fact keeps the source span it came from. Evidence is graded: a `.py` file or a `*.py` glob is
 * Python for sure; a directory copied whole (`cp -a src/app …`) may hold Python, which only a
 * `%files` entry or an `__init__.py` confirms.
 */
export type PythonEvidence = 'yes' | 'maybe' | 'no';

export interface InstalledPath {
  /** The installed path, without the buildroot. */
  readonly path: string;
  readonly kind: 'file' | 'dir' | 'tree';
  readonly python: PythonEvidence;
  readonly line: Line;
  readonly state: LineState;
  /** The destination as the author wrote it (may be a macro). */
  readonly span: Span;
  /** The destination directory as written, when the source shows it. */
  readonly writtenDir: string | null;
}

export interface ByteCompile {
  readonly interpreter: string | null;
  /** The second argument as expanded. */
  readonly path: string | null;
  /** The path without the buildroot, or null when it is not inside it. */
  readonly installedPath: string | null;
  /**
   * The path holds text we could not expand (`%(…)` output, a macro unknown to the target),
   * so what the call compiles is unknown.
   */
  readonly unresolved: boolean;
  /** Paths after the second argument, which the macro ignores (inside the buildroot, stripped). */
  readonly ignoredPaths: readonly string[];
  readonly argCount: number;
  readonly line: Line;
  readonly section: string;
  readonly state: LineState;
}

export interface ShippedPath {
  readonly path: string;
  readonly directives: readonly string[];
  readonly line: Line;
  readonly state: LineState;
  /** The entry as the author wrote it. */
  readonly span: Span;
  /** The directory of the entry as written, after `%{buildroot}` (for fixes that name it). */
  readonly writtenDir: string | null;
}

export interface BuildrootModel {
  /** `%{buildroot}` as the target expands it. */
  readonly buildroot: string;
  readonly installed: readonly InstalledPath[];
  readonly byteCompiles: readonly ByteCompile[];
  readonly shipped: readonly ShippedPath[];
  /**
   * Where a new command goes at the end of `%install`: after the line that ends the last command
   * (parse/command-end.ts), or after the section's header when it has no command. Null where
   * `installEndMissing` says.
   */
  readonly installEnd: Line | null;
  /**
   * Why there is no `installEnd`: no `%install` the target reads; a last command that goes on
   * past lines speclint cannot follow; or a command under a condition speclint cannot decide after
   * the last one it can, which a new command placed before it might run ahead of.
   */
  readonly installEndMissing: 'no-install' | 'unfollowable' | 'undecided' | null;
}

/** Spellings of the buildroot in shell, besides its expanded value. */
const BUILDROOT_VARIABLES = ['$RPM_BUILD_ROOT', '${RPM_BUILD_ROOT}', '"$RPM_BUILD_ROOT"', '"${RPM_BUILD_ROOT}"'];

export function buildBuildrootModel(expansion: SpecExpansion): BuildrootModel {
  // The final scope knows %{name}, %{version} and %{release}, which the buildroot is made of.
  const buildroot = new MacroExpander(expansion.scope).expand('%{buildroot}');
  const strip = (path: string): string | null => stripBuildroot(path, buildroot);
  const installed: InstalledPath[] = [];
  const shipped: ShippedPath[] = [];
  let installHeader: Line | null = null;
  let lastInstallCommand: Line | null = null;
  let undecidedAfterLast = false;
  // Directories made earlier in %install: `cp x.py %{buildroot}/dir` copies into them.
  const knownDirs = new Set<string>();

  for (const expanded of expansion.lines) {
    const section = expanded.section.name;
    // The section first: a plain line makes its expansion only when it is asked for.
    if (expanded.state === 'inactive' || (section !== 'install' && section !== 'files') || expanded.expanded === null) continue;
    if (section === 'install') {
      if (expanded.state === 'active' && expanded.line.kind === 'section-header') installHeader ??= expanded.line;
      if (expanded.line.kind === 'text' && expanded.expanded.text.trim() !== '' && !expanded.expanded.text.trimStart().startsWith('#')) {
        if (expanded.state === 'active') lastInstallCommand = expanded.line;
        undecidedAfterLast = expanded.state === 'undecided';
      }
      for (const command of commandsOf(expanded.expanded.text)) {
        for (const fact of installFacts(command, strip, knownDirs)) {
          const span = sourceOf(expanded.expanded, fact.dest.start, fact.dest.end) ?? expanded.line.span;
          if (fact.path.kind !== 'file') knownDirs.add(fact.path.path);
          installed.push({ ...fact.path, line: expanded.line, state: expanded.state, span, writtenDir: writtenDirOf(expansion.file.source, span, fact.destNamesFile) });
        }
      }
    } else if (section === 'files' && expanded.line.kind === 'file-entry') {
      const { directives } = expanded.line;
      for (const word of shellWords(expanded.expanded.text)) {
        if (word.text.startsWith('%') || word.text === '') continue;
        const span = sourceOf(expanded.expanded, word.start, word.end) ?? expanded.line.span;
        const writtenDir = writtenDirOf(expansion.file.source, span, namesFileByName(unquote(word.text)));
        shipped.push({
          path: normalisePath(word.text), directives: directives.map((d) => d.name), line: expanded.line, state: expanded.state, span,
          // `%{_datadir}/app*/x.py` spells no one directory.
          writtenDir: writtenDir === null || writtenDir.includes('*') ? null : `%{buildroot}${writtenDir}`,
        });
      }
    }
  }

  const byteCompiles = expansion.byteCompiles.map((call): ByteCompile => {
    // rpm keeps a CRLF line's carriage return on the last argument; the shell words of every other
    // command drop it, and so must this, or a fix written with the spec's CRLF never counts as done.
    const args = call.args.map((arg, i) => (i === call.args.length - 1 ? arg.replace(/\r+$/, '') : arg));
    const path = args[1] ?? null;
    return {
      interpreter: args[0] ?? null,
      path,
      installedPath: path === null ? null : strip(path),
      unresolved: path !== null && isUnresolved(path, buildroot),
      ignoredPaths: args.slice(2).map(strip).filter((p) => p !== null),
      argCount: args.length,
      line: call.line,
      section: call.section,
      state: call.state,
    };
  });
  return { buildroot, installed, byteCompiles, shipped, ...endOfInstall(expansion.file, installHeader, lastInstallCommand, undecidedAfterLast) };
}

function endOfInstall(file: SpecFile, header: Line | null, lastCommand: Line | null, undecidedAfterLast: boolean): Pick<BuildrootModel, 'installEnd' | 'installEndMissing'> {
  if (undecidedAfterLast) return { installEnd: null, installEndMissing: 'undecided' };
  if (lastCommand === null) return header === null ? { installEnd: null, installEndMissing: 'no-install' } : { installEnd: header, installEndMissing: null };
  const end = commandEnd(file, lastCommand);
  return end === null ? { installEnd: null, installEndMissing: 'unfollowable' } : { installEnd: end, installEndMissing: null };
}

/**
 * Whether an expanded path holds text speclint could not expand (`%(…)` output, here or in the
 * buildroot) or a macro that a space split apart (`%{sub …}`): what it names is unknown.
 */
export function isUnresolved(path: string, buildroot: string): boolean {
  return hasUnknown(path) || hasUnknown(buildroot) || /%\{[^}]*$/.test(path);
}

/** An absolute path with no macro left in it and no shell variable (`${f}.py` in a loop): one known path. */
export function isConcretePath(path: string): boolean {
  return /^\/[^%$]*$/.test(path);
}

/** The path inside the buildroot, `/usr/share/x` for `%{buildroot}/usr/share/x`, or null. */
export function stripBuildroot(path: string, buildroot: string): string | null {
  const unquoted = path.replace(/^["']|["']$/g, '');
  for (const prefix of [buildroot, ...BUILDROOT_VARIABLES].filter((p) => p !== '')) {
    const bare = prefix.replace(/^"|"$/g, '');
    if (unquoted.startsWith(bare)) {
      const rest = unquoted.slice(bare.length).replace(/^["']/, '');
      return rest === '' ? '/' : rest.startsWith('/') ? normalisePath(rest) : null;
    }
  }
  return null;
}

interface Command {
  readonly words: readonly ShellWord[];
}

/** Simple commands of a shell text: split at `;`, `&&`, `||`, `|`, newlines; leading VAR=value dropped. */
function commandsOf(text: string): Command[] {
  const commands: Command[] = [];
  let current: ShellWord[] = [];
  for (const word of shellWords(text, true)) {
    if (word.operator) {
      if (current.length > 0) commands.push({ words: current });
      current = [];
    } else if (!(current.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word.text))) {
      current.push(word);
    }
  }
  if (current.length > 0) commands.push({ words: current });
  return commands;
}

interface InstallFact {
  readonly path: Omit<InstalledPath, 'line' | 'state' | 'span' | 'writtenDir'>;
  /** Offsets of the destination word in the expanded text. */
  readonly dest: { readonly start: number; readonly end: number };
  /** Whether the destination word names the installed file itself, not the directory it goes in. */
  readonly destNamesFile: boolean;
}

/** Directories every system has, so copying to one copies into it. */
const SYSTEM_DIRS: ReadonlySet<string> = new Set([
  '', '/usr', '/usr/share', '/usr/lib', '/usr/lib64', '/usr/libexec', '/usr/bin', '/usr/sbin', '/usr/include',
  '/usr/local', '/opt', '/etc', '/var', '/var/lib', '/srv', '/bin', '/sbin', '/lib', '/lib64',
]);

/** Options that take a value, per command. */
const VALUE_OPTIONS: Readonly<Record<string, string>> = {
  install: 'mogtSfT',
  cp: 'tS',
  mv: 'tS',
  mkdir: 'm',
};

function installFacts(command: Command, strip: (path: string) => string | null, knownDirs: ReadonlySet<string>): InstallFact[] {
  const [head, ...rest] = command.words;
  if (head === undefined) return [];
  const name = head.text.replace(/^.*\//, '');
  const valued = VALUE_OPTIONS[name];
  if (valued === undefined) return extractFacts(name, rest, strip);
  const flags = new Set<string>();
  let targetDir: ShellWord | null = null;
  const operands: ShellWord[] = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (word.text.startsWith('--')) {
      const [option, value] = word.text.split('=');
      if (option === '--target-directory') targetDir = value !== undefined ? word : rest[++i] ?? null;
      else if (option === '--mode' && value === undefined) i++;
      flags.add(option!);
      continue;
    }
    if (word.text.startsWith('-') && word.text.length > 1) {
      for (let k = 1; k < word.text.length; k++) {
        const letter = word.text[k]!;
        flags.add(letter);
        if (valued.includes(letter) && !(name === 'install' && letter === 'T')) {
          const value = word.text.slice(k + 1) !== '' ? null : rest[++i] ?? null;
          if (letter === 't') targetDir = value ?? { ...word, text: word.text.slice(k + 1), start: word.start + k + 1 };
          break;
        }
      }
      continue;
    }
    operands.push(word);
  }
  const facts: InstallFact[] = [];
  const into = (dest: ShellWord, kind: InstalledPath['kind'], python: PythonEvidence, suffix = ''): void => {
    const path = strip(dest.text);
    // A path still holding a macro (undefined on this target) or unknown output says nothing sure.
    // A shell variable (`${f}.py` in a loop) names no one path either.
    if (path === null || hasUnknown(dest.text) || !isConcretePath(path)) return;
    facts.push({ path: { path: normalisePath(joinPath(path, suffix)), kind, python }, dest: { start: dest.start, end: dest.end }, destNamesFile: kind === 'file' && suffix === '' });
  };
  if (name === 'mkdir' || (name === 'install' && flags.has('d'))) {
    for (const dir of operands) into(dir, 'dir', 'no');
    return facts;
  }
  const recursive = name === 'mv' || flags.has('r') || flags.has('R') || flags.has('a');
  const dest = targetDir ?? operands[operands.length - 1];
  const sources = targetDir === null ? operands.slice(0, -1) : operands;
  if (dest === undefined || sources.length === 0) return facts;
  // Quotes group a word for the shell; what the path ends in is what counts.
  const destText = unquote(dest.text);
  // `cp -a app %{_datadir}`: a system directory such as /usr/share or /opt already exists.
  const destPath = strip(dest.text)?.replace(/\/+$/, '') ?? '';
  const existingDir = SYSTEM_DIRS.has(destPath) || knownDirs.has(destPath);
  const destIsDir = targetDir !== null || sources.length > 1 || destText.endsWith('/') || existingDir
    || (name === 'install' && !flags.has('D') && !hasExtension(destText));
  for (const source of sources) {
    // Moving files around inside the buildroot brings no new ones.
    if (strip(source.text) !== null) continue;
    const sourceText = unquote(source.text);
    // Copied into a directory, a file keeps its name: unknown where `%(…)` output is in the source.
    if (destIsDir && hasUnknown(sourceText)) continue;
    const base = sourceText.replace(/\/+$/, '').replace(/^.*\//, '');
    // A file installed under a name without .py (a command) is not a module, whatever its source.
    const renamed = !destIsDir && sourceText.endsWith('.py') && !destText.endsWith('.py');
    // `cp SOURCE4 %{buildroot}/app/x.py`: the destination's name says what it is.
    const evidence = renamed ? 'no' : !destIsDir && destText.endsWith('.py') ? 'yes' : pythonEvidenceOf(sourceText, recursive);
    const glob = base.includes('*');
    // `install *.py DIR/`: the files land in DIR, recorded as a directory holding Python.
    const kind: InstalledPath['kind'] = glob && destIsDir ? 'dir'
      : evidence === 'maybe' || (recursive && !hasExtension(base)) ? 'tree' : 'file';
    into(dest, kind, evidence, destIsDir && !glob ? base : '');
  }
  return facts;
}

/** `tar -x … -C DIR` and `unzip … -d DIR` unpack a tree into the buildroot. */
function extractFacts(name: string, args: readonly ShellWord[], strip: (path: string) => string | null): InstallFact[] {
  const flag = name === 'tar' ? ['-C', '--directory'] : name === 'unzip' ? ['-d'] : null;
  if (flag === null) return [];
  const at = args.findIndex((w) => flag.includes(w.text));
  const dest = args[at + 1];
  if (at < 0 || dest === undefined) return [];
  const path = strip(dest.text);
  // Unpacking into the buildroot's root or a system directory says nothing about one application.
  if (path === null || SYSTEM_DIRS.has(path.replace(/\/+$/, ''))) return [];
  return [{ path: { path, kind: 'tree', python: 'maybe' }, dest: { start: dest.start, end: dest.end }, destNamesFile: false }];
}

function pythonEvidenceOf(source: string, recursive: boolean): PythonEvidence {
  if (/\.py$/.test(source) || /\*\.py$/.test(source)) return 'yes';
  if (recursive && !hasExtension(source.replace(/\/+$/, ''))) return 'maybe';
  return 'no';
}

function unquote(word: string): string {
  return word.replace(/["']/g, '');
}

/** Whether a `%files` entry names a file, which only its name tells: `x.py`, or a glob `*.py`, `x.py*`. */
function namesFileByName(path: string): boolean {
  return hasExtension(path.replace(/\*$/, ''));
}

/** Whether a name ends in an extension (`x.py`, `a.tar`): a file, where nothing else tells. */
function hasExtension(name: string): boolean {
  return /\.[A-Za-z0-9]+$/.test(name);
}

/** `/a/./b//c/` → `/a/b/c`. */
export function normalisePath(path: string): string {
  // Most paths are normal already; the regexes below change only paths holding one of these.
  if (!path.includes('/.') && !path.includes('//') && !path.endsWith('/')) return path;
  return path.replace(/\/\.(?=\/|$)/g, '').replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
}

function joinPath(dir: string, name: string): string {
  if (name === '') return dir.replace(/\/+$/, '') || '/';
  return `${dir.replace(/\/+$/, '')}/${name}`;
}

/**
 * The directory the author wrote for a destination, when the source text ends in the installed
 * path's last components (so a fix can reuse `%{buildroot}%{_datadir}/%{name}/engine`).
 * `namesFile` says whether the text names a file, whose directory is what comes before it.
 */
function writtenDirOf(source: string, span: Span, namesFile: boolean): string | null {
  const written = source.slice(span.start, span.end).replace(/^["']|["']$/g, '');
  // Only a plain word: a destination inside `%{?with_x:mkdir -p …}` has no spelling of its own.
  if (/\s/.test(written) || /%\{[!?]/.test(written)) return null;
  const trimmed = written.replace(/(\/\.)+\/*$/, '').replace(/\/+$/, '');
  if (!namesFile) return trimmed;
  // `%{name}.py` is a file name, but a macro alone (`%{mainfile}`) may hold a whole path.
  const slash = trimmed.lastIndexOf('/');
  const name = trimmed.slice(slash + 1);
  return slash < 0 || name.replace(/%\{[^}]*\}|%[A-Za-z_]\w*|\$\{?\w+\}?/g, '') === '' ? null : trimmed.slice(0, slash);
}
