import type { Fix } from '../fix/edit.js';
import type { SpecFile } from '../parse/cst.js';
import { parseSpec } from '../parse/index.js';
import { type LineHunk, lineHunks } from './line-hunks.js';
import type { FileProblems } from './problem.js';
import { describePlace } from './spec-place.js';
import { TextPositions } from './text-region.js';

/**
 * Every fix as the exact lines to paste and where they go: for each finding with a fix (of any
 * applicability), its place, the fix's title, then each change as "insert after line N, in
 * %install:", "replace line N, in the preamble, with:" or "delete line N" with the lines fenced
 * at column 0, so they copy byte for byte. Pasted lines take the file's own line ending.
 */
export function formatSnippets(results: readonly FileProblems[]): string {
  const blocks: string[] = [];
  for (const file of results) {
    const fixable = file.problems.filter((p) => p.fix !== undefined && p.fix.edits.length > 0);
    if (fixable.length === 0) continue;
    const positions = new TextPositions(file.source);
    const tree = parseSpec(file.source).file;
    for (const problem of fixable) {
      const where = `${file.filename}:${positions.lineOf(problem.span.start)}:${positions.column(problem.span.start)}`;
      blocks.push([
        `${where}  ${problem.code} ${problem.name}`,
        `fix (${problem.fix!.applicability}): ${problem.fix!.title}`,
        ...changes(file.source, tree, positions, problem.fix!),
      ].join('\n'));
    }
  }
  if (blocks.length > 0) {
    const note = 'Line numbers are those of the files as they are now: after pasting one fix, lines below it move.';
    return `${[note, ...blocks].join('\n\n')}\n`;
  }
  const findings = results.reduce((n, r) => n + r.problems.length, 0);
  if (findings === 0) return 'No problems found, so nothing to fix.\n';
  return findings === 1 ? 'The one finding has no fix.\n' : `None of the ${findings} findings has a fix.\n`;
}

function changes(source: string, tree: SpecFile, positions: TextPositions, fix: Fix): string[] {
  // Bottom-up, so each change's line numbers still hold when the ones before it are made.
  const hunks = lineHunks(source, fix.edits).reverse();
  const out = hunks.length > 1 ? ['(make these changes in order, from the bottom of the file up)'] : [];
  for (const hunk of hunks) out.push('', ...describeHunk(source, tree, positions, hunk));
  return out;
}

function describeHunk(source: string, tree: SpecFile, positions: TextPositions, hunk: LineHunk): string[] {
  const lines = linesOf(hunk.text);
  const ending = finalNewlineNote(source, hunk);
  if (hunk.start === hunk.end) {
    const place = describePlace(tree, positions, hunk.start, true);
    const anchor = hunk.start === 0 ? 'before line 1' : `after line ${positions.lineOf(hunk.start - 1)}`;
    return [`insert ${anchor}, ${place}${ending}:`, ...fence(lines)];
  }
  const first = positions.lineOf(hunk.start);
  const last = positions.lineOf(hunk.end - 1);
  const range = first === last ? `line ${first}` : `lines ${first}-${last}`;
  const place = describePlace(tree, positions, hunk.start, false);
  if (hunk.text === '') return [`delete ${range}, ${place}${ending}, which reads:`, ...fence(linesOf(source.slice(hunk.start, hunk.end)))];
  return [`replace ${range}, ${place}${ending}, with:`, ...fence(lines)];
}

/** A hunk's text as lines without their endings; one final line ending is implied, not a blank line. */
function linesOf(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\r?\n$/, '').split(/\r?\n/);
}

/**
 * Pasting lines keeps whether the file ends with a newline; a change at the very end that
 * alters that has to say so, or the pasted result would differ from the fix by that newline.
 */
function finalNewlineNote(source: string, hunk: LineHunk): string {
  if (hunk.end !== source.length) return '';
  const before = source.endsWith('\n');
  // A deletion leaves the text before the hunk, which ends with a newline unless it is empty.
  const after = hunk.text === '' ? hunk.start > 0 : hunk.text.endsWith('\n');
  if (after === before) return '';
  return after ? ' (the file then ends with a newline)' : ' (with no newline at the end of the file)';
}

/** A Markdown-style fence longer than any run of backticks in the lines, so nothing closes it early. */
function fence(lines: readonly string[]): string[] {
  const longest = Math.max(0, ...lines.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))));
  const marker = '`'.repeat(Math.max(3, longest + 1));
  return [marker, ...lines, marker];
}
