import { edit, type Edit } from '../../fix/edit.js';
import type { Line } from '../../parse/cst.js';

/** An edit that adds `text` as a new line right after `line`, with the file's own line ending. */
export function insertAfterLine(line: Line, text: string, eol: string): Edit {
  return line.eol === '' ? edit.insert(line.span.end, `${eol}${text}`) : edit.insert(line.span.end, `${text}${eol}`);
}

/** An edit that adds `text` as a new line right before `line`. */
export function insertBeforeLine(line: Line, text: string, eol: string): Edit {
  return edit.insert(line.span.start, `${text}${eol}`);
}
