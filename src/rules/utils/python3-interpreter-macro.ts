import type { Target } from '../../macros/targets.js';

/** How a fix names the Python 3 interpreter: `%{python3}`, or `%{__python3}` on EL7/EL8 where `%python3` may be missing. */
export function python3InterpreterMacro(target: Target): string {
  return target.id === 'el7' || target.id === 'el8' ? '%{__python3}' : '%{python3}';
}
