/**
 * Option parsing for parametric macros, as glibc's getopt() does it for rpm: options may come
 * after positional arguments (they are permuted), `-abc` clusters, `-ovalue` or `-o value` for an
 * option declared `o:`, and `--` ends the options. The option string `-` turns parsing off.
 */
export type ParsedOptions =
  | { readonly kind: 'ok'; readonly options: readonly { letter: string; value: string | null }[]; readonly positional: readonly string[] }
  | { readonly kind: 'error'; readonly option: string };

export function parseOptions(argv: readonly string[], spec: string): ParsedOptions {
  // `%define f(-)`: a parametric macro that takes every argument as it is.
  if (spec === '-') return { kind: 'ok', options: [], positional: [...argv] };
  const options: { letter: string; value: string | null }[] = [];
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    for (let k = 1; k < arg.length; k++) {
      const letter = arg[k]!;
      const at = spec.indexOf(letter);
      if (at < 0 || letter === ':') return { kind: 'error', option: letter };
      if (spec[at + 1] !== ':') {
        options.push({ letter, value: null });
        continue;
      }
      const attached = arg.slice(k + 1);
      if (attached !== '') {
        options.push({ letter, value: attached });
      } else if (i + 1 < argv.length) {
        options.push({ letter, value: argv[++i]! });
      } else {
        return { kind: 'error', option: letter };
      }
      break;
    }
  }
  return { kind: 'ok', options, positional };
}
