import { supportsColor } from 'chalk';
import type { CliIo } from './io.js';

/** The running process's standard streams and environment, as the command line uses them. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stdoutBytes: (bytes) => void process.stdout.write(bytes),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const { buffer } = await import('node:stream/consumers');
      return new Uint8Array(await buffer(process.stdin));
    },
    env: process.env,
    colorLevel: supportsColor === false ? 0 : supportsColor.level,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}
