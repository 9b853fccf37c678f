import type { ExpandedLine, SpecExpansion } from '../../macros/spec-expander.js';
import type { MacroDefinitionLine } from '../../parse/cst.js';

export type Switch = 'sed' | 'undefine' | 'brp-nil' | 'all-brps-nil' | 'zero';

export interface AutomaticBytecompileSwitch {
  readonly kind: Switch;
  readonly line: ExpandedLine & { readonly line: MacroDefinitionLine };
}

/**
 * The ways specs switch off (or try to) rpm's automatic byte-compilation after %install
 * (facts c): the `__os_install_post` sed idiom, `%undefine py_auto_byte_compile`, a `%{nil}`
 * brp macro, and `py_auto_byte_compile 0`, which does nothing.
 */
export function automaticBytecompileSwitches(expansion: SpecExpansion, source: string): AutomaticBytecompileSwitch[] {
  const found: AutomaticBytecompileSwitch[] = [];
  for (const line of expansion.lines) {
    const definition = line.line;
    if (line.state !== 'active' || definition.kind !== 'macro-definition') continue;
    const name = definition.name.text;
    const body = definition.body === null ? '' : source.slice(definition.body.span.start, definition.body.span.end).trim();
    const undefine = definition.keyword.text.endsWith('undefine');
    const kind: Switch | null =
      name === '__os_install_post' && /sed/.test(body) && /brp-python-bytecompile/.test(body) ? 'sed'
        : name === 'py_auto_byte_compile' && undefine ? 'undefine'
          : name === '__brp_python_bytecompile' && /^(%\{?nil\}?)?$/.test(body) && !undefine ? 'brp-nil'
            : name === '__os_install_post' && /^%\{?nil\}?$/.test(body) ? 'all-brps-nil'
              : name === 'py_auto_byte_compile' && body === '0' ? 'zero'
                : null;
    if (kind !== null) found.push({ kind, line: line as AutomaticBytecompileSwitch['line'] });
  }
  return found;
}
