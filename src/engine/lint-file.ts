import { readSpecFile, type SpecEncoding } from '../io/spec-source.js';
import { lintText, type LintOptions, type LintResult } from './lint.js';

export interface LintFileResult extends LintResult {
  readonly path: string;
  /** How the file was decoded: write fixed text back with the same encoding to keep its bytes. */
  readonly encoding: SpecEncoding;
}

/**
 * Reads a spec file (UTF-8, or latin-1 when it is not valid UTF-8) and lints it. The findings name
 * the file by `options.filename`, or by `path` when none is given. Throws IoError when the file
 * cannot be read.
 */
export async function lintFile(path: string, options: LintOptions = {}): Promise<LintFileResult> {
  const source = await readSpecFile(path);
  const result = lintText(source.text, { ...options, filename: options.filename ?? path });
  // Added to the result itself: a spread would run its lazy expansion even when nothing asks.
  return Object.assign(result, { path, encoding: source.encoding });
}
