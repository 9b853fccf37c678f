import hardcodedPythonVersion from './hardcoded-python-version.js';
import missingBuildrequiresPythonDevel from './missing-buildrequires-python-devel.js';
import privateModuleNotByteCompiled from './private-module-not-byte-compiled.js';
import type { Rule } from './types.js';

/** Every rule, in the order fixes and findings are sorted by. Explicit, so nothing loads by accident. */
export const RULES: readonly Rule[] = Object.freeze([
  privateModuleNotByteCompiled,
  hardcodedPythonVersion,
  missingBuildrequiresPythonDevel,
]);
