import { randomBytes } from 'node:crypto';
import { chmod, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeIoFailure, IoError } from '../errors.js';

/**
 * Replaces a file's contents so that a reader sees the old file or the new one, never half of
 * either, even after a crash: the bytes go to a temporary file in the same directory (same file
 * system), are flushed to disk, and the temporary file then takes the file's place. The file keeps
 * its permission bits (not its owner); a symbolic link keeps pointing at the file it named.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  let temporary: string | null = null;
  try {
    const real = await realpath(path);
    const { mode } = await stat(real);
    const name = join(dirname(real), `.${basename(real)}.speclint-${randomBytes(6).toString('hex')}`);
    const handle = await open(name, 'wx', mode & 0o7777);
    temporary = name;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The umask may have narrowed the mode given to open.
    await chmod(name, mode & 0o7777);
    await rename(name, real);
  } catch (error) {
    if (temporary !== null) await rm(temporary, { force: true });
    throw new IoError(path, `cannot write: ${describeIoFailure(error)}`);
  }
}
