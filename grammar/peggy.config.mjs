// Generates the typed parser into src/parse/generated/ (git-ignored); only src/parse/index.ts imports it.
export default {
  input: 'grammar/spec.peggy',
  output: 'src/parse/generated/spec-parser.js',
  format: 'es',
  dts: true,
  allowedStartRules: ['File', 'MacroText'],
  returnTypes: {
    File: 'import("../cst.js").RawFile',
    MacroText: 'import("../cst.js").MacroText',
  },
};
