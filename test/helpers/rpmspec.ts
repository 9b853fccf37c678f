import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { MacroTable } from '../../src/macros/builtins/rpm.js';
import { RPM_PATHS, RPM_TOOLS } from '../../src/macros/builtins/rpm.js';
import { parseMacroFile } from '../../src/macros/macro-file.js';
import { UNKNOWN_CLOSE, UNKNOWN_OPEN } from '../../src/macros/unknown.js';

const run = promisify(execFile);

/** ../shared/reference: the macro files that make Debian's rpm expand like each target. */
export const REFERENCE_DIR = resolve(import.meta.dirname, '../../../shared/reference');

function findRpmspec(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v rpmspec'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export const RPMSPEC = findRpmspec();
export const HAVE_RPMSPEC = RPMSPEC !== null && existsSync(REFERENCE_DIR);

/** The reference macro files for a target, in load order (see ../shared/reference/macros/README.md). */
export function referenceLoads(target: 'fedora' | 'el8' | 'el9'): string[] {
  const files = ['macros/python-common.macros', ...(target === 'el8' ? [] : ['macros/python-modern.macros']), `macros/dist-${target}.macros`];
  return files.flatMap((file) => ['--load', file]);
}

export async function rpmspecParsed(specPath: string, target: 'fedora' | 'el8' | 'el9'): Promise<string | null> {
  try {
    const { stdout } = await run(RPMSPEC!, ['-P', ...referenceLoads(target), specPath], {
      cwd: REFERENCE_DIR, encoding: 'latin1', maxBuffer: 64 * 1024 * 1024, timeout: 20_000,
    });
    return stdout;
  } catch {
    return null;
  }
}

/**
 * The host rpm's own macros, for speclint to use where rpmspec uses them: rpm's macro files
 * (paths, %configure, %make_build, …) and its %_topdir. speclint's generic rpm macros that the
 * host (with the reference files) does not define are removed, as rpm would leave them literal.
 */
export function hostMacroLayer(): MacroTable {
  const files = ['/usr/lib/rpm/macros', '/usr/lib/rpm/platform/x86_64-linux/macros'];
  const attrs = existsSync('/usr/lib/rpm/fileattrs') ? readdirSync('/usr/lib/rpm/fileattrs').map((f) => join('/usr/lib/rpm/fileattrs', f)) : [];
  const layer: Record<string, MacroTable[string]> = Object.assign({}, ...[...files, ...attrs].filter(existsSync).map((f) => parseMacroFile(readFileSync(f, 'utf8'))));
  layer['_topdir'] = execFileSync('rpm', ['-E', '%{_topdir}'], { encoding: 'utf8' }).trim();
  const ours = [...Object.keys(RPM_PATHS), ...Object.keys(RPM_TOOLS)].filter((name) => !(name in layer));
  const probe = execFileSync('rpm', ['--load', join(REFERENCE_DIR, 'macros/python-common.macros'), '-E', ours.map((n) => `%{?${n}:1}%{!?${n}:0}`).join('|')], { encoding: 'utf8' }).trim().split('|');
  ours.forEach((name, i) => {
    if (probe[i] === '0') layer[name] = null;
  });
  return layer;
}

/** Trailing blanks on each line and blank lines at the end are not compared (documented in the test). */
function normalise(text: string): string {
  return text.split('\n').map((line) => line.replace(/\s+$/, '')).join('\n').replace(/\n+$/, '');
}

/**
 * Whether speclint's output equals rpmspec's, where each unknown region (the output of `%(…)` or
 * Lua, which speclint never runs) stands for any text, as a `*` in a glob does.
 */
export function agreesWithRpmspec(ours: string, theirs: string): boolean {
  const literals: string[] = [];
  let current = '';
  let depth = 0;
  for (const c of ours) {
    if (c === UNKNOWN_OPEN) {
      if (depth++ === 0) {
        literals.push(current);
        current = '';
      }
    } else if (c === UNKNOWN_CLOSE) {
      depth--;
    } else if (depth === 0) {
      current += c;
    }
  }
  literals.push(current);
  const parts = literals.map(normalise);
  const target = normalise(theirs);
  if (parts.length === 1) return parts[0] === target;
  if (!target.startsWith(parts[0]!)) return false;
  let at = parts[0]!.length;
  for (const part of parts.slice(1, -1)) {
    const found = target.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  const last = parts[parts.length - 1]!;
  return target.length - last.length >= at && target.endsWith(last);
}
