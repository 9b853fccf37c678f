import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint.js';
import { spec } from '../helpers/spec.js';

describe('the buildroot model', () => {
  it('records nothing for a file whose name comes from %(…) output, and nothing from inside that output', () => {
    const text = spec`
      Name: quokka
      %install
      install -m644 %(echo a.py b.py) %{buildroot}%{_datadir}/quokka/
      cp %(ls | grep py) %{buildroot}%{_datadir}/quokka/main.py
    `;
    const { buildroot } = lintText(text, { target: 'fedora', codes: new Set() });
    expect(buildroot.installed.map((i) => [i.path, i.kind, i.python])).toEqual([['/usr/share/quokka/main.py', 'file', 'yes']]);
  });

  it('spells the directory of a %files entry naming a file, quoted or not, as the entry does', () => {
    const text = spec`
      Name: quokka
      %files
      "%{_datadir}/%{name}/a.py"
      %{_datadir}/%{name}/sub/*.py
      %{_datadir}/%{name}/data
    `;
    const { buildroot } = lintText(text, { target: 'fedora', codes: new Set() });
    expect(buildroot.shipped.map((s) => s.writtenDir)).toEqual([
      '%{buildroot}%{_datadir}/%{name}', '%{buildroot}%{_datadir}/%{name}/sub', '%{buildroot}%{_datadir}/%{name}/data',
    ]);
  });
});
