import { IoError } from '../errors.js';
import { readSpecFile } from '../io/spec-source.js';
import { parseSpec } from '../parse/index.js';
import { outlineSpec } from '../parse/outline.js';
import type { CliIo } from './io.js';

/**
 * Prints each file's tree (an outline, or JSON with spans) and its parse diagnostics.
 * Exit 0, or 2 when a file cannot be read (the other files are still printed).
 */
export async function runParse(files: readonly string[], options: { json: boolean }, io: CliIo): Promise<number> {
  let exitCode = 0;
  const json: unknown[] = [];
  for (const path of files) {
    let source;
    try {
      source = await readSpecFile(path);
    } catch (error) {
      if (!(error instanceof IoError)) throw error;
      io.stderr(`speclint: ${error.message}\n`);
      exitCode = 2;
      continue;
    }
    const { file, diagnostics } = parseSpec(source.text, { filename: path });
    if (options.json) {
      json.push({ filename: path, encoding: source.encoding, tree: file, diagnostics });
      continue;
    }
    io.stdout(`${path}\n${outlineSpec(file)}\n`);
    for (const d of diagnostics) io.stdout(`${path}:${d.start.line}:${d.start.column}  ${d.severity}  ${d.message}  [${d.code} ${d.name}]\n`);
  }
  // The tree carries the source text for printing; the JSON already has every span into it.
  if (options.json) io.stdout(JSON.stringify(json, (key, value: unknown) => (key === 'source' ? undefined : value), 2) + '\n');
  return exitCode;
}
