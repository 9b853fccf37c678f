#!/usr/bin/env node
import module from 'node:module';

// Node 22.8+ can keep V8's compiled code on disk (in os.tmpdir() by default, or NODE_COMPILE_CACHE;
// NODE_DISABLE_COMPILE_CACHE turns it off), so a pre-commit run does not recompile the same
// modules every time. Node 20 has no such call. It covers only modules loaded after it, hence
// the dynamic import below.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { supportsColor } = await import('chalk');
const { main } = await import('./cli/program.js');

const io = {
  stdout: (text: string) => void process.stdout.write(text),
  stdoutBytes: (bytes: Uint8Array) => void process.stdout.write(bytes),
  stderr: (text: string) => void process.stderr.write(text),
  readStdin: async () => {
    const { buffer } = await import('node:stream/consumers');
    return new Uint8Array(await buffer(process.stdin));
  },
  env: process.env,
  colorLevel: supportsColor === false ? 0 : supportsColor.level,
  stderrIsTTY: process.stderr.isTTY === true,
} as const;
process.exitCode = await main(process.argv.slice(2), io);
