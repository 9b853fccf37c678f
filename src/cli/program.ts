import { readFileSync } from 'node:fs';
import { Chalk, type ChalkInstance } from 'chalk';
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../errors.js';
import type { CliIo } from './io.js';
import { runLint } from './lint-command.js';
import { runParse } from './parse-command.js';
import { runExpand } from './expand-command.js';
import { DEFAULT_TARGET, TARGETS } from '../macros/targets.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

/** Runs speclint with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.clean;
  const program = new Command('speclint')
    .description('Lint RPM .spec files for Python packaging problems, and propose the fixes.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run speclint --help for usage)')
    .addHelpText('after', `
Exit codes:
  0  no problems found (or --exit-zero)
  1  problems found
  2  usage error, unreadable file, or internal error

Examples:
  speclint specs/                     lint every *.spec under specs/
  speclint parse --json python-foo.spec
  speclint expand --target el9 python-foo.spec`);

  program
    .command('lint', { isDefault: true })
    .description('lint spec files and directories (searched recursively for *.spec); the default command')
    .argument('<paths...>', 'spec files or directories')
    .addOption(new Option('--target <target>', 'distribution release to lint for').choices([...TARGETS.keys()]).default(DEFAULT_TARGET))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--exit-zero', 'exit 0 even when problems are found (for demos and reports)')
    .option('--no-color', 'disable colours (also: NO_COLOR=1)')
    .action(async (paths: string[], options: { target: string; format: 'text' | 'json'; exitZero?: boolean; color: boolean }) => {
      exitCode = await runLint(paths, { ...options, chalk: chalkFor(options.color, io) }, io);
    });

  program
    .command('parse')
    .description('print the syntax tree and parse diagnostics of spec files')
    .argument('<files...>', 'spec files')
    .option('--json', 'print the tree as JSON, with spans (UTF-16 offsets) on every node')
    .action(async (files: string[], options: { json?: boolean }) => {
      exitCode = await runParse(files, { json: options.json === true }, io);
    });

  program
    .command('expand')
    .description('print a spec as rpm reads it for a target, like rpmspec -P, without running anything from it')
    .argument('<file>', 'spec file')
    .addOption(new Option('--target <target>', 'distribution release to expand for').choices([...TARGETS.keys()]).default(DEFAULT_TARGET))
    .option('-D, --define <definition>', 'define a macro first, as "NAME VALUE" (repeatable)', collect, [])
    .action(async (file: string, options: { target: string; define: string[] }) => {
      exitCode = await runExpand(file, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.clean : EXIT.error;
    }
    if (error instanceof UsageError) {
      io.stderr(`speclint: ${error.message}\n`);
      return EXIT.error;
    }
    io.stderr(`speclint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.error;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function chalkFor(color: boolean, io: CliIo): ChalkInstance {
  const noColor = io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '';
  return new Chalk({ level: color && !noColor ? io.colorLevel : 0 });
}
