import automaticBytecompileDisabled from './automatic-bytecompile-disabled.js';
import elLegacyPrivateModulePython2Compiled from './el-legacy-private-module-python2-compiled.js';
import hardcodedPythonVersion from './hardcoded-python-version.js';
import missingBuildrequiresMarshalparser from './missing-buildrequires-marshalparser.js';
import missingBuildrequiresPythonDevel from './missing-buildrequires-python-devel.js';
import privateModuleNotByteCompiled from './private-module-not-byte-compiled.js';
import pyByteCompileArgumentCount from './py-byte-compile-argument-count.js';
import pyByteCompileInterpreterMismatch from './py-byte-compile-interpreter-mismatch.js';
import pyByteCompileOutsideBuildroot from './py-byte-compile-outside-buildroot.js';
import pyByteCompileWrongSection from './py-byte-compile-wrong-section.js';
import type { Rule } from './types.js';

/** Every rule, in catalogue order, which fixes and findings are sorted by. Explicit, so nothing loads by accident. */
export const RULES: readonly Rule[] = Object.freeze([
  privateModuleNotByteCompiled,
  hardcodedPythonVersion,
  missingBuildrequiresPythonDevel,
  pyByteCompileInterpreterMismatch,
  missingBuildrequiresMarshalparser,
  pyByteCompileOutsideBuildroot,
  pyByteCompileWrongSection,
  pyByteCompileArgumentCount,
  automaticBytecompileDisabled,
  elLegacyPrivateModulePython2Compiled,
]);
