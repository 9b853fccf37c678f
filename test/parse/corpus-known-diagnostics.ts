/**
 * Every corpus spec that has parse diagnostics, with the diagnostics (code@line) and the defect
 * behind them, checked by reading the file. Real, well-formed specs have none; a diagnostic that
 * appears elsewhere, or goes missing here, fails the corpus test.
 */
export const KNOWN_CORPUS_DIAGNOSTICS: Record<string, { readonly diagnostics: readonly string[]; readonly defect: string }> = {
  'bitwiseworks-os2/perl.spec': {
    diagnostics: ['SP008@46'],
    defect: "line 46 reads `else` where `%else` was meant, so rpm sees a stray word in the preamble",
  },
  'fedora-rawhide/kernel.spec': {
    diagnostics: ['SP008@26'],
    defect: "line 26 reads `{error:…}` where `%{error:…}` was meant (the % is missing)",
  },
  'fedora-rawhide/python-ase.spec': {
    diagnostics: ['SP008@7', 'SP008@12'],
    defect: "lines 7 and 12 are deliberate prose inside EL-only branches, followed by %quit: the build is meant to stop there, and rpm would reject those lines",
  },
  'pscheduler/owamp.spec': {
    diagnostics: ['SP002@170', 'SP002@204'],
    defect: "the %if that the %else on line 170 and the %endif on line 204 belong to was deleted; rpm rejects the file",
  },
  'rpmlint-tests/SpecCheckTemp.spec': {
    diagnostics: ['SP009@44', 'SP008@75', 'SP008@76', 'SP008@77', 'SP008@78'],
    defect: "an rpmlint test input, broken on purpose: an empty %define body and shell commands under a bare %package",
  },
  'rpmlint-tests/depscript-without-disabling-depgen.spec': {
    diagnostics: ['SP009@1'],
    defect: "an rpmlint test input: `%define __find_provides` with an empty body, which rpm rejects",
  },
  'rpmlint-tests/non-utf8-spec-file.spec': {
    diagnostics: ['SP011@1'],
    defect: "an rpmlint test input saved as UTF-16, which rpm cannot read",
  },
  'rpmlint-tests/null-char-first.spec': {
    diagnostics: ['SP008@1'],
    defect: "an rpmlint test input whose first line is a NUL byte",
  },
  'sanjayankur31-specs/python-uncertainpy.spec': {
    diagnostics: ['SP008@84', 'SP008@85', 'SP008@86', 'SP008@88', 'SP008@89'],
    defect: "lines 84-89 are Python source pasted into a %package section",
  },
  'spec-cleaner-tests/doc2license.spec': {
    diagnostics: ['SP001@18'],
    defect: "a spec-cleaner test input with `%{_libdir/library.so`, whose %{ never closes",
  },
  'spec-cleaner-tests/in__conditions.spec': {
    diagnostics: ['SP002@28'],
    defect: "a spec-cleaner test input that opens a block with `%{if %{with editor}}`, which is not an rpm conditional, so its %endif is stray",
  },
  'spec-cleaner-tests/in__excludes-bracketing.spec': {
    diagnostics: ['SP002@23', 'SP002@24', 'SP003@46', 'SP003@47', 'SP003@48'],
    defect: "a spec-cleaner test input made of unrelated fragments (a bare %else/%endif, bare %if/%ifarch/%ifnarch lines)",
  },
  'spec-cleaner-tests/out__conditions.spec': {
    diagnostics: ['SP002@31'],
    defect: "spec-cleaner's expected output for in__conditions.spec; the same stray %endif",
  },
  'spec-cleaner-tests/out__excludes-bracketing.spec': {
    diagnostics: ['SP002@26', 'SP002@27', 'SP003@50', 'SP003@51', 'SP003@52'],
    defect: "spec-cleaner's expected output for in__excludes-bracketing.spec; the same fragments",
  },
};
