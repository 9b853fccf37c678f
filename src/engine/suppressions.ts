import { edit, makeFix, type Fix } from '../fix/edit.js';
import type { Span, SpecFile } from '../parse/cst.js';
import type { LineIndex } from '../parse/line-index.js';
import type { Finding } from '../rules/types.js';
import { scanPragmas, type Pragma, type PragmaEntry, type PragmaScan } from './pragmas.js';
import { SUPPRESSION_DIAGNOSTICS, type SuppressionDiagnosticCode } from './suppression-diagnostics.js';

/**
 * The file's `# speclint:` pragmas, read once before filtering (DESIGN.md §3.5): rules never see
 * them. Feed every finding to `suppress()`, then ask `findings()` for what the pragmas themselves
 * deserve (SL001, SL002).
 */
export class Suppressions {
  private readonly scan: PragmaScan;
  private readonly used = new Set<PragmaEntry>();

  constructor(file: SpecFile, private readonly filename: string, private readonly index: LineIndex, private readonly target: string) {
    this.scan = scanPragmas(file);
  }

  /** Whether a pragma covers the finding; the one that does counts as used. */
  suppress(finding: Pick<Finding, 'ruleId' | 'span'>): boolean {
    if (this.scan.pragmas.length === 0) return false;
    // The narrowest pragma is credited, so a disable-file made redundant by next-line ones shows up as unused.
    const covering = [
      ...this.scan.pragmas.filter((p) => p.scope === 'next-line' && p.target !== null && p.target.start <= finding.span.start && finding.span.start < p.target.end),
      ...this.scan.pragmas.filter((p) => p.scope === 'file'),
    ];
    for (const pragma of covering) {
      const entry = pragma.entries.find((e) => e.code === finding.ruleId);
      if (entry !== undefined) {
        this.used.add(entry);
        return true;
      }
    }
    return false;
  }

  /**
   * SL002 for pragmas that cannot be used as written, and SL001 for entries that suppressed
   * nothing although their rule ran: `ran(code)` says whether it did (a rule left out by the
   * selection, or one that crashed, proves nothing). Call after every finding went through suppress().
   */
  findings(ran: (code: string) => boolean): Finding[] {
    const out = this.scan.problems.map((p) => this.finding('SL002', p.message, p.span));
    for (const pragma of this.scan.pragmas) {
      const unused = pragma.entries.filter((e) => e.code !== undefined && ran(e.code) && !this.used.has(e));
      if (unused.length === 0) continue;
      const stillNeeded = pragma.entries.some((e) => this.used.has(e) || (e.code !== undefined && !ran(e.code)));
      if (!stillNeeded) {
        const fix = makeFix('Remove the unused suppression', 'unsafe', [edit.delete(pragma.line)]);
        out.push(this.finding('SL001', `unused suppression: ${this.nothingFound(unused, pragma)}`, pragma.span, fix));
        continue;
      }
      for (const entry of unused) {
        out.push(this.finding('SL001', `unused suppression: ${this.nothingFound([entry], pragma)}`, entry.span, removeEntry(pragma, entry)));
      }
    }
    return out.sort((a, b) => a.span.start - b.span.start);
  }

  /** What was not found, and for which target: a pragma may be there for another release. */
  private nothingFound(entries: readonly PragmaEntry[], pragma: Pragma): string {
    const names = entries.map((e) => e.text).join(' or ');
    if (pragma.scope === 'file') return `no ${names} finding in this file for ${this.target}`;
    if (pragma.target === null) return `no line follows it`;
    return `no ${names} finding on line ${this.index.position(pragma.target.start).line} for ${this.target}`;
  }

  private finding(code: SuppressionDiagnosticCode, message: string, span: Span, fix?: Fix): Finding {
    const meta = SUPPRESSION_DIAGNOSTICS[code];
    return {
      ruleId: code, ruleName: meta.name, severity: meta.severity, url: '', filename: this.filename,
      messageId: meta.name, message, span, start: this.index.position(span.start), end: this.index.position(span.end),
      ...(fix === undefined ? {} : { fix }),
    };
  }
}

/** Deletes one entry and the comma that joins it to a neighbour, leaving the rest of the list as written. */
function removeEntry(pragma: Pragma, entry: PragmaEntry): Fix {
  const i = pragma.entries.indexOf(entry);
  const next = pragma.entries[i + 1];
  const previous = pragma.entries[i - 1];
  const span = next !== undefined ? { start: entry.span.start, end: next.span.start }
    : previous !== undefined ? { start: previous.span.end, end: entry.span.end }
      : pragma.line;
  // Two removals from one list may touch the same comma: one per pass, the loop re-lints between.
  return makeFix(`Remove ${entry.text} from the suppression`, 'unsafe', [edit.delete(span)], `unused-suppression@${pragma.line.start}`);
}
