import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeIoFailure, IoError } from '../errors.js';

/**
 * Replaces a file's contents so that a reader sees the old file or the new one, never half of
 * either: the bytes go to a temporary file in the same directory (same file system), which then
 * takes the file's place. The file keeps its permission bits.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.speclint-${randomBytes(6).toString('hex')}`);
  try {
    const { mode } = await stat(path);
    await writeFile(temporary, bytes, { flag: 'wx', mode: mode & 0o7777 });
    // The umask may have narrowed the mode given to writeFile.
    await chmod(temporary, mode & 0o7777);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new IoError(path, `cannot write: ${describeIoFailure(error)}`);
  }
}
