/** Fewer files than this finish before a progress line would help. */
const MIN_FILES = 20;
const REDRAW_MS = 100;

export interface Progress {
  readonly tick: () => void;
  /** Erases the line, so the report starts on a clean one. */
  readonly done: () => void;
}

const SILENT: Progress = { tick: () => {}, done: () => {} };

/**
 * `checked 120/3445 files` redrawn in place on standard error: only on a terminal, never when
 * `CI` is set (CI logs keep every carriage return as a line) and never into a pipe or file.
 */
export function progressLine(total: number, stderr: (text: string) => void, options: { readonly isTTY: boolean; readonly env: Readonly<Record<string, string | undefined>> }): Progress {
  const ci = options.env['CI'] !== undefined && options.env['CI'] !== '' && options.env['CI'] !== 'false';
  if (!options.isTTY || ci || total < MIN_FILES) return SILENT;
  let count = 0;
  let drawn = 0;
  let shown = false;
  return {
    tick: () => {
      count++;
      const now = Date.now();
      if (now - drawn < REDRAW_MS && count < total) return;
      drawn = now;
      shown = true;
      stderr(`\r\x1b[2Kchecked ${count}/${total} files`);
    },
    done: () => {
      if (shown) stderr('\r\x1b[2K');
    },
  };
}
