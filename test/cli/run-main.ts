import { main } from '../../src/cli/program.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Standard output as bytes, for output that is not UTF-8. */
  readonly stdoutBytes: Buffer;
}

export interface RunOptions {
  readonly stdin?: Uint8Array | string;
  readonly stderrIsTTY?: boolean;
}

/** Runs the command line in-process with no colour and captured output. */
export async function runMain(argv: readonly string[], env: Record<string, string> = {}, options: RunOptions = {}): Promise<CliRun> {
  const out: Buffer[] = [];
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => { out.push(Buffer.from(text, 'utf8')); },
    stdoutBytes: (bytes) => { out.push(Buffer.from(bytes)); },
    stderr: (text) => { stderr += text; },
    readStdin: () => Promise.resolve(typeof options.stdin === 'string' ? Buffer.from(options.stdin, 'utf8') : (options.stdin ?? new Uint8Array())),
    env,
    colorLevel: 0,
    stderrIsTTY: options.stderrIsTTY ?? false,
  });
  const stdoutBytes = Buffer.concat(out);
  return { code, stdout: stdoutBytes.toString('utf8'), stderr, stdoutBytes };
}
