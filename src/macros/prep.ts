import { parseOptions } from './getopt.js';
import type { SpecSource } from './spec-expander.js';
import { endOfUnknown, UNKNOWN_OPEN } from './unknown.js';

/**
 * `%setup` and `%patch` are not macros: rpm's %prep parser (parsePrep.c) turns each line that
 * starts with them into shell. speclint writes the same shell, so that the %prep script, the
 * `%{buildsubdir}` it defines and `speclint expand` match what rpm builds. Patch files are never
 * looked at, so a patch is always read through rpmuncompress, as rpm does for a file it cannot see.
 */
export interface PrepContext {
  expand(text: string): string;
  readonly sources: readonly SpecSource[];
  /** Records `%{buildsubdir}` for the rest of the spec. */
  setBuildSubdir(dir: string): void;
  error(message: string): void;
}

/** The shell for a `%setup …` line, each line ending in a newline. */
export function renderSetup(line: string, ctx: PrepContext): string {
  const args = splitPoptArgs(line).slice(1);
  const options = parseShortOptions(args, 'a:b:cDn:Tq');
  if (options === null) {
    ctx.error(`bad %setup option in: ${line}`);
    return '';
  }
  if (ctx.expand('%{?_build_in_place}') !== '' && ctx.expand('%{_build_in_place}') !== '0') return '';
  const quietly = line.slice(6).includes(' -q') || options.has('q');
  const before: string[] = [];
  const after: string[] = [];
  for (const [letter, value] of options.ordered) {
    if (letter !== 'a' && letter !== 'b') continue;
    const untar = untarScript(Number(value), quietly, ctx);
    if (untar === null) return '';
    (letter === 'a' ? after : before).push(`${untar}\n`);
  }
  const dir = options.get('n') ?? `${ctx.expand('%{NAME}')}-${ctx.expand('%{VERSION}')}`;
  ctx.setBuildSubdir(dir);
  const out: string[] = [`cd '${ctx.expand('%{_builddir}')}'\n`];
  if (!options.has('D')) out.push(`rm -rf '${dir}'\n`);
  out.push(...before);
  const create = options.has('c');
  const skipDefault = options.has('T');
  if (create) out.push(`${ctx.expand('%{__mkdir_p}')} '${dir}'\ncd '${dir}'\n`);
  // Without Source0, rpm reports the error and stops here (rpmspec -P goes on regardless).
  if (!create && !skipDefault) {
    const untar = untarScript(0, quietly, ctx);
    if (untar === null) return out.join('');
    out.push(`${untar}\n`);
  }
  if (!create) out.push(`cd '${dir}'\n`);
  if (create && !skipDefault) {
    const untar = untarScript(0, quietly, ctx);
    if (untar === null) return out.join('');
    out.push(`${untar}\n`);
  }
  out.push(...after);
  const fixperms = ctx.expand('%{_fixperms} .');
  if (!fixperms.startsWith('%')) out.push(`${fixperms}\n`);
  return out.join('');
}

/** The shell for a `%patch …` or `%patchN …` line. */
export function renderPatch(line: string, ctx: PrepContext): string {
  const normalised = ' \t\n'.includes(line[6] ?? ' ') ? line : `%patch -P ${line.slice(6)}`;
  const args = splitPoptArgs(normalised).slice(1);
  const options = parseShortOptions(args, 'P:p:REb:z:F:d:o:Z');
  if (options === null) {
    ctx.error(`bad %patch option in: ${line}`);
    return '';
  }
  const numbers = [...options.ordered.filter(([letter]) => letter === 'P').map(([, value]) => value), ...options.positional];
  if (numbers.length === 0) numbers.push('0');
  const flags = ctx.expand('%{?_default_patch_flags}');
  const fuzz = options.get('F') ?? ctx.expand('%{_default_patch_fuzz}');
  const backup = options.get('b') ?? options.get('z');
  const args2 = `${flags} -p${Number(options.get('p') ?? '0')} ${backup === undefined ? '' : `-b --suffix ${backup}`}`
    + `${fuzz === '' || Number(fuzz) < 0 ? '' : ` --fuzz=${Number(fuzz)}`}`
    + `${options.has('d') ? ` -d ${options.get('d')}` : ''}${options.has('o') ? ` -o ${options.get('o')}` : ''}`
    + `${options.has('R') ? ' -R' : ''}${options.has('E') ? ' -E' : ''}${options.has('Z') ? ' -Z' : ''}`;
  let out = '';
  for (const number of numbers) {
    const patch = ctx.sources.find((s) => s.kind === 'patch' && s.number === Number(number));
    if (!/^\d+$/.test(number) || patch === undefined) {
      ctx.error(`no patch number ${number}`);
      return out;
    }
    out += `echo "Patch #${Number(number)} (${patch.name}):"\n`
      + `{ ${ctx.expand('%{__rpmuncompress}')} ${patch.path} || echo patch_fail ; } | ${ctx.expand('%{__patch}')} ${args2}\n\n`;
  }
  return out;
}

function untarScript(number: number, quietly: boolean, ctx: PrepContext): string | null {
  const source = ctx.sources.find((s) => s.kind === 'source' && s.number === number);
  if (source === undefined) {
    ctx.error(`no source number ${number}`);
    return null;
  }
  return `${ctx.expand('%{__rpmuncompress}')} -x ${quietly ? '' : '-v '}${source.path}\nSTATUS=$?\nif [ $STATUS -ne 0 ]; then\n  exit $STATUS\nfi`;
}

interface ShortOptions {
  readonly ordered: readonly [string, string][];
  readonly positional: readonly string[];
  has(letter: string): boolean;
  get(letter: string): string | undefined;
}

/** popt's short options, which read like getopt's here: clusters, `-x value` or `-xvalue`. */
function parseShortOptions(args: readonly string[], spec: string): ShortOptions | null {
  const parsed = parseOptions(args, spec);
  if (parsed.kind === 'error') return null;
  const ordered = parsed.options.map(({ letter, value }): [string, string] => [letter, value ?? '']);
  const last = (letter: string): string | undefined => ordered.filter(([l]) => l === letter).at(-1)?.[1];
  return { ordered, positional: parsed.positional, has: (letter) => last(letter) !== undefined, get: last };
}

/**
 * Splits a command line as popt does: blanks separate, quotes group, a backslash escapes. Text
 * from `%(…)` that speclint did not run stays one piece of one argument, blanks and quotes in its
 * source included, since what it stands for is unknown (`%setup -n %(echo x-1)`).
 */
function splitPoptArgs(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let quote: string | null = null;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === UNKNOWN_OPEN) {
      const end = endOfUnknown(line, i);
      current += line.slice(i, end);
      started = true;
      i = end - 1;
    } else if (quote !== null) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) current += line[++i];
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      started = true;
    } else if (c === '\\' && i + 1 < line.length) {
      current += line[++i];
      started = true;
    } else if (/\s/.test(c)) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += c;
      started = true;
    }
  }
  if (started) args.push(current);
  return args;
}
