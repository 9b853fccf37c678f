import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './run-main.js';
import { HAVE_BIN, runBin } from '../helpers/bin.js';

/** A spec whose shell and Lua would each create a file if anything ran them. */
function trapSpec(dir: string): { spec: string; shellMarker: string; luaMarker: string } {
  const shellMarker = join(dir, 'shell-ran');
  const luaMarker = join(dir, 'lua-ran');
  const spec = join(dir, 'trap.spec');
  writeFileSync(spec, [
    'Name: trap',
    `%global from_shell %(touch ${shellMarker}; echo 1)`,
    `%global from_lua %{lua: os.execute("touch ${luaMarker}")}`,
    `Version: %(touch ${shellMarker})1.0`,
    'Release: 1',
    '%if %{from_shell}',
    'Requires: maybe',
    '%endif',
    '%description',
    `%{lua: os.execute("touch ${luaMarker}")} %{from_lua}`,
    '%build',
    `echo %(touch ${shellMarker})`,
    '',
  ].join('\n'));
  return { spec, shellMarker, luaMarker };
}

describe('speclint expand', () => {
  it('prints the spec expanded for the target and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'speclint-expand-'));
    const spec = join(dir, 'a.spec');
    writeFileSync(spec, 'Name: a\nRelease: 1%{?dist}\n%description\n%{python3_sitelib}\n');
    const el9 = await runMain(['expand', '--target', 'el9', spec]);
    expect(el9).toMatchObject({ code: 0, stderr: '' });
    expect(el9.stdout).toBe('Name: a\nRelease: 1.el9\n%description\n/usr/lib/python3.9/site-packages\n');
    const defined = await runMain(['expand', '-D', 'python3_pkgversion 3.12', '--target', 'el9', spec]);
    expect(defined.stdout).toContain('/usr/lib/python3.12/site-packages');
  });

  it('rejects an unknown target with exit 2', async () => {
    const run = await runMain(['expand', '--target', 'fedora-12', 'x.spec']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'fedora-12' is invalid");
  });

  it('never runs %(…) or Lua from the spec, in-process or as a command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'speclint-trap-'));
    const { spec, shellMarker, luaMarker } = trapSpec(dir);
    const run = await runMain(['expand', spec]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`%(touch ${shellMarker})`);
    if (HAVE_BIN) expect(runBin(['expand', spec]).status).toBe(0);
    await runMain(['lint', spec]);
    await runMain(['parse', '--json', spec]);
    expect(existsSync(shellMarker)).toBe(false);
    expect(existsSync(luaMarker)).toBe(false);
  });
});
