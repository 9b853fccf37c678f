#!/usr/bin/env node
import { buffer } from 'node:stream/consumers';
import { supportsColor } from 'chalk';
import { main } from './cli/program.js';

const io = {
  stdout: (text: string) => void process.stdout.write(text),
  stdoutBytes: (bytes: Uint8Array) => void process.stdout.write(bytes),
  stderr: (text: string) => void process.stderr.write(text),
  readStdin: async () => new Uint8Array(await buffer(process.stdin)),
  env: process.env,
  colorLevel: supportsColor === false ? 0 : supportsColor.level,
  stderrIsTTY: process.stderr.isTTY === true,
} as const;
process.exitCode = await main(process.argv.slice(2), io);
