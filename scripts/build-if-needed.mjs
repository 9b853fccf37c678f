// npm's postinstall: builds dist/ when it is missing, as in a git checkout that pre-commit installs
// as a hook. pre-commit reads the tarball's name from `npm pack`'s standard output, so this is not a
// `prepare` script (npm prints a banner there for those) and the build writes to standard error.
// An installed package already has dist/ and no compiler, so there it does nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../dist/cli.cjs', import.meta.url))) {
  const npm = process.env.npm_execpath;
  const [command, args] = npm === undefined ? ['npm', []] : [process.execPath, [npm]];
  const build = spawnSync(command, [...args, 'run', '--silent', 'build'], { stdio: ['ignore', 2, 2], cwd: new URL('..', import.meta.url) });
  process.exitCode = build.status ?? 1;
}
