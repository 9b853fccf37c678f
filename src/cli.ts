#!/usr/bin/env node
import { supportsColor } from 'chalk';
import { main } from './cli/program.js';

const io = {
  stdout: (text: string) => void process.stdout.write(text),
  stderr: (text: string) => void process.stderr.write(text),
  env: process.env,
  colorLevel: supportsColor === false ? 0 : supportsColor.level,
} as const;
process.exitCode = await main(process.argv.slice(2), io);
