/** A problem with how speclint was called (bad option, unknown format); exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
  override readonly name = 'UsageError';
}

/** A file or directory that cannot be read; exit code 2. The message names the path. */
export class IoError extends Error {
  readonly exitCode = 2;
  override readonly name = 'IoError';
  constructor(readonly path: string, reason: string) {
    super(`${path}: ${reason}`);
  }
}

/** The reason part of a Node.js file-system error, without the stack. */
export function describeIoFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    default: return error instanceof Error ? error.message : String(error);
  }
}
