import { pythonMacros, type PythonFacts } from './builtins/python.js';
import { pythonMacrosEl7, pythonMacrosEl8 } from './builtins/python-legacy.js';
import { pythonMacroPackage } from './builtins/python-packages.js';
import { RPM_BUILD_CONDITIONALS, RPM_PATHS, RPM_PREP, RPM_TOOLS, RPMAUTOSPEC, type MacroTable } from './builtins/rpm.js';
import { MacroScope } from './scope.js';

/**
 * A distribution release to lint for: the standard macros its buildroot defines. EPEL targets
 * use the EL values (epel-rpm-macros adds nothing the Python rules depend on).
 */
export interface Target {
  readonly id: string;
  readonly label: string;
  readonly distribution: 'fedora' | 'rhel';
  readonly release: number;
  readonly python: PythonFacts;
  /** `%fedora`/`%rhel`, `%fcNN`/`%elN`, `%dist`. */
  readonly identity: MacroTable;
}

/** EL7 and EL8 carry python-rpm-macros from before Fedora 33, written out on their own. */
function pythonTable(target: Target): MacroTable {
  if (target.id === 'el7') return pythonMacrosEl7();
  if (target.id === 'el8') return pythonMacrosEl8();
  return pythonMacros(target.python);
}

/** The main Python of each Fedora release (Fedora's Python version changes). */
const FEDORA_PYTHON: Readonly<Record<number, string>> = {
  33: '3.9', 34: '3.9', 35: '3.10', 36: '3.10', 37: '3.11', 38: '3.11', 39: '3.12', 40: '3.12',
  41: '3.13', 42: '3.13', 43: '3.14', 44: '3.14', 45: '3.15',
};
const CURRENT_FEDORA = 44;
const RAWHIDE_FEDORA = 45;

function fedora(release: number, id = `fedora-${release}`): Target {
  return {
    id,
    label: `Fedora ${release}${release === RAWHIDE_FEDORA ? ' (Rawhide)' : ''}`,
    distribution: 'fedora',
    release,
    python: {
      defaultPython3: FEDORA_PYTHON[release]!,
      setupPyDeprecated: release >= 43,
      addDeterminism: release >= 41,
      versionedPathfix: false,
    },
    identity: {
      fedora: String(release), [`fc${release}`]: '1', dist: `.fc${release}`, _vendor: 'redhat',
      // Fedora ≥ 38 clamps file mtimes to SOURCE_DATE_EPOCH (Changes/ReproducibleBuildsClampMtimes).
      ...(release >= 38 ? { source_date_epoch_from_changelog: '1', clamp_mtime_to_source_date_epoch: '1', use_source_date_epoch_as_buildtime: '1' } : {}),
    },
  };
}

function el(release: 7 | 8 | 9 | 10): Target {
  return {
    id: `el${release}`,
    label: `RHEL/CentOS ${release} and EPEL ${release}`,
    distribution: 'rhel',
    release,
    python: {
      // EL7 and EL8 do not read these: their Python macros are tables of their own (python-legacy.ts).
      defaultPython3: { 7: '3.6', 8: '3.6', 9: '3.9', 10: '3.12' }[release],
      setupPyDeprecated: false,
      addDeterminism: false,
      versionedPathfix: release === 9,
    },
    identity: { rhel: String(release), [`el${release}`]: '1', dist: `.el${release}`, _vendor: 'redhat' },
  };
}

const ALL: readonly Target[] = [
  { ...fedora(CURRENT_FEDORA, 'fedora'), label: `Fedora ${CURRENT_FEDORA} (current)` },
  { ...fedora(RAWHIDE_FEDORA, 'fedora-rawhide') },
  ...Object.keys(FEDORA_PYTHON).map((release) => fedora(Number(release))),
  el(7), el(8), el(9), el(10),
];

export const TARGETS: ReadonlyMap<string, Target> = new Map(ALL.map((target) => [target.id, target]));
export const DEFAULT_TARGET = 'fedora';

export function findTarget(id: string): Target | undefined {
  return TARGETS.get(id);
}

/**
 * A fresh macro scope holding everything the target's buildroot defines. `overrides` come after
 * rpm's own macros and before the Python and distribution macros: the differential test loads the
 * host rpm's macro files there, as rpmspec does before the reference macro files.
 */
export function targetScope(target: Target, overrides: readonly MacroTable[] = []): MacroScope {
  if (overrides.length > 0) return buildTargetScope(target, overrides);
  // Without overrides the scope depends on the target alone: built once, derived for each spec.
  let built = BUILT_SCOPES.get(target);
  if (built === undefined) {
    built = buildTargetScope(target, []);
    BUILT_SCOPES.set(target, built);
  }
  return built.derive();
}

/** Never handed out, only derived from, so they never change. */
const BUILT_SCOPES = new WeakMap<Target, MacroScope>();

function buildTargetScope(target: Target, overrides: readonly MacroTable[]): MacroScope {
  const scope = new MacroScope();
  const tables: [string, MacroTable][] = [
    ['rpm', RPM_PATHS], ['rpm', RPM_TOOLS], ['rpm', RPM_PREP], ['rpm', RPM_BUILD_CONDITIONALS],
    ...overrides.map((table): [string, MacroTable] => ['override', table]),
    ['python-rpm-macros', pythonTable(target)],
    ['rpmautospec', RPMAUTOSPEC],
    [target.distribution === 'fedora' ? 'fedora-release' : 'redhat-release', target.identity],
  ];
  for (const [pkg, table] of tables) {
    for (const [name, entry] of Object.entries(table)) {
      // null in an override table: the macro does not exist there.
      if (entry === null) {
        while (scope.has(name)) scope.undefine(name);
        continue;
      }
      const { opts, body } = typeof entry === 'object' ? entry : { opts: null, body: entry };
      const definedBy = pkg === 'python-rpm-macros' ? (pythonMacroPackage(name) ?? pkg) : pkg;
      scope.define({ name, opts, body, origin: { kind: 'target', package: definedBy }, level: 0 });
    }
  }
  return scope;
}
