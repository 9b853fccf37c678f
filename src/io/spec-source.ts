import { readFileSync } from 'node:fs';
import { describeIoFailure, IoError } from '../errors.js';

/**
 * Spec files are mostly UTF-8, but latin-1 changelogs are common. Text that is not valid UTF-8
 * is read as latin-1, one character per byte, so writing it back with the same encoding gives
 * the original bytes; a byte-order mark is kept as a character, never dropped.
 */
export type SpecEncoding = 'utf-8' | 'latin1';

export interface SpecSource {
  readonly path: string;
  readonly text: string;
  readonly encoding: SpecEncoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeSpec(bytes: Uint8Array): { text: string; encoding: SpecEncoding } {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding: 'latin1' };
  }
}

export function encodeSpec(text: string, encoding: SpecEncoding): Buffer {
  return Buffer.from(text, encoding);
}

/**
 * Reads and decodes a spec file, blocking: a run over thousands of files reads one, lints it,
 * then the next, and an await per file left the CPU idle for about a seventh of the run.
 */
export function readSpecFileSync(path: string): SpecSource {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new IoError(path, describeIoFailure(error));
  }
  return { path, ...decodeSpec(bytes) };
}

/** The same for callers that await: linting the file blocks anyway, so the read may too. */
export async function readSpecFile(path: string): Promise<SpecSource> {
  return readSpecFileSync(path);
}
