import { readFileSync } from 'node:fs';
import { Chalk, type ChalkInstance } from 'chalk';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { IoError, UsageError } from '../errors.js';
import type { CliIo } from './io.js';
import { runLint } from './lint-command.js';
import { FORMATS, type Format } from '../report/format.js';
import type { Severity } from '../rules/types.js';
import { DEFAULT_TARGET, TARGETS } from '../macros/targets.js';

interface LintCommandOptions {
  readonly target?: string;
  readonly config?: string;
  readonly format: Format;
  readonly select: string[];
  readonly ignore: string[];
  readonly failOn?: Severity;
  readonly quiet?: boolean;
  readonly fix?: boolean;
  readonly diff?: boolean;
  readonly unsafeFixes?: boolean;
  readonly exitZero?: boolean;
  readonly stdinFilename?: string;
  readonly jobs?: number;
  readonly color: boolean;
}

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
  0  no problems at the --fail-on level (or --exit-zero)
  1  problems found (with --diff: something to fix)
  2  usage error, unreadable file, or internal error

Examples:
  speclint specs/                     lint every *.spec under specs/
  speclint --fix python-foo.spec      apply the safe fixes, then report what is left
  speclint --diff specs/ | git apply  the same, through a reviewable patch
  speclint --select PY001,PY003 .     only those rules
  cat x.spec | speclint --stdin-filename x.spec -
  speclint explain PY001              why a rule matters, with examples
  speclint parse --json python-foo.spec
  speclint expand --target el9 python-foo.spec`);

  // Every command but lint loads its module when it runs: a pre-commit hook lints one file, and
  // its start-up time is mostly module loading.
  program
    .command('lint', { isDefault: true })
    .description('lint spec files and directories (searched recursively for *.spec); the default command')
    .argument('[paths...]', 'spec files or directories, or - for standard input')
    .addOption(new Option('--target <target>', `distribution release to lint for (default: the config file's, or ${DEFAULT_TARGET})`).choices([...TARGETS.keys()]))
    .option('--config <file>', 'use this speclint.toml for every spec, instead of the nearest one above each')
    .addOption(new Option('--format <format>', 'output format: text for people, json, sarif (code scanning), github (Actions annotations), snippets (the lines to paste)').choices(FORMATS).default('text'))
    .option('--select <rules>', 'run only these rules: ids or names, comma-separated (repeatable)', collect, [])
    .option('--ignore <rules>', 'do not run these rules: ids or names, comma-separated (repeatable)', collect, [])
    .addOption(new Option('--fail-on <severity>', 'the lowest severity that makes the exit code 1 (default: the config file\'s, or info: any finding but style)').choices(['error', 'warning', 'info', 'style']))
    .option('-q, --quiet', 'print the findings only, without the summary')
    .option('--fix', 'apply the safe fixes to the files (atomically, keeping their bytes elsewhere), then report what is left')
    .addOption(new Option('--diff', 'print the fixes as a unified diff (for git apply or patch -p1) and write nothing; exit 1 when there is something to fix').conflicts('fix'))
    .option('--unsafe-fixes', 'with --fix or --diff, apply the unsafe fixes too (review them)')
    .option('--exit-zero', 'exit 0 even when problems are found (for demos and reports)')
    .option('--stdin-filename <name>', 'the file name to report standard input (-) under')
    .addOption(new Option('-j, --jobs <count>', 'worker threads (default: one per core when there are many files; 1: none)').argParser(positiveInteger))
    .option('--no-color', 'disable colours (also: NO_COLOR=1)')
    .action(async (paths: string[], options: LintCommandOptions) => {
      exitCode = await runLint(paths, { ...options, toolVersion: version, chalk: chalkFor(options.color, io) }, io);
    });

  program
    .command('rules')
    .description('list every rule: id, name, default severity, whether it has a fix, and what it finds')
    .option('--no-color', 'disable colours (also: NO_COLOR=1)')
    .action(async (options: { color: boolean }) => {
      const { runRules } = await import('./rules-command.js');
      exitCode = runRules(io, chalkFor(options.color, io));
    });

  program
    .command('explain')
    .description('print a rule\'s documentation: why it matters, a bad and a good example, the guideline')
    .argument('<rule>', 'rule id or name, such as PY001 or private-module-not-byte-compiled')
    .option('--no-color', 'disable colours (also: NO_COLOR=1)')
    .action(async (rule: string, options: { color: boolean }) => {
      const { runExplain } = await import('./rules-command.js');
      exitCode = runExplain(rule, io, chalkFor(options.color, io));
    });

  program
    .command('parse')
    .description('print the syntax tree and parse diagnostics of spec files')
    .argument('<files...>', 'spec files')
    .option('--json', 'print the tree as JSON, with spans (UTF-16 offsets) on every node')
    .action(async (files: string[], options: { json?: boolean }) => {
      const { runParse } = await import('./parse-command.js');
      exitCode = await runParse(files, { json: options.json === true }, io);
    });

  program
    .command('expand')
    .description('print a spec as rpm reads it for a target, like rpmspec -P, without running anything from it')
    .argument('<file>', 'spec file')
    .addOption(new Option('--target <target>', 'distribution release to expand for').choices([...TARGETS.keys()]).default(DEFAULT_TARGET))
    .option('-D, --define <definition>', 'define a macro first, as "NAME VALUE" (repeatable)', collect, [])
    .action(async (file: string, options: { target: string; define: string[] }) => {
      const { runExpand } = await import('./expand-command.js');
      exitCode = await runExpand(file, options, io);
    });

  program
    .command('bytecompile')
    .description('print what byte-compilation needs in a spec for a target (lines to add, where, BuildRequires); --write adds them')
    .argument('<file>', 'spec file')
    .option('--target <target>', `distribution release to plan for: ${[...TARGETS.keys()].join(', ')}`, DEFAULT_TARGET)
    .option('--reproducible', 'also make the .pyc files reproducible (%py_reproducible_pyc_path and marshalparser) where the target needs it')
    .option('--write', 'make the changes in the file (atomically, keeping its encoding), then print what was done')
    .action(async (file: string, options: { target: string; reproducible?: boolean; write?: boolean }) => {
      const { runBytecompile } = await import('./bytecompile-command.js');
      exitCode = await runBytecompile(file, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.clean : EXIT.error;
    }
    if (error instanceof UsageError || error instanceof IoError) {
      io.stderr(`speclint: ${error.message}\n`);
      return EXIT.error;
    }
    io.stderr(`speclint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.error;
  }
}

function positiveInteger(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return Number(value);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function chalkFor(color: boolean, io: CliIo): ChalkInstance {
  const noColor = io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '';
  return new Chalk({ level: color && !noColor ? io.colorLevel : 0 });
}
