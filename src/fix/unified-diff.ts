/**
 * A unified diff of two texts, in the form `git apply` and `patch -p1` accept: `--- a/NAME` and
 * `+++ b/NAME` headers, hunks with three lines of context, and `\ No newline at end of file`
 * after a last line that has none. Lines keep their own endings, so CRLF files diff as CRLF.
 */
const CONTEXT = 3;

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

export function unifiedDiff(before: string, after: string, name: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const hunks = hunksOf(ops);
  const out = [`--- a/${name}\n`, `+++ b/${name}\n`];
  for (const hunk of hunks) {
    out.push(`@@ -${range(hunk.oldStart, hunk.oldCount)} +${range(hunk.newStart, hunk.newCount)} @@\n`);
    for (const op of hunk.ops) {
      out.push(`${op.kind}${op.line}`);
      if (!op.line.endsWith('\n')) out.push('\n\\ No newline at end of file\n');
    }
  }
  return out.join('');
}

/** Lines with their endings; a last line without one stays as it is. */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

function range(start: number, count: number): string {
  // An empty side is written at the line before it, as diff does.
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;
}

/** Myers' O(ND) shortest edit script over lines. */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const max = a.length + b.length;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) {
        found = true;
        break;
      }
    }
  }
  // Walk back through the saved frontiers to recover the script.
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const frontier = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : frontier[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', line: b[--y]! });
      else ops.push({ kind: '-', line: a[--x]! });
    }
  }
  return ops.reverse();
}

interface Hunk {
  readonly oldStart: number;
  readonly newStart: number;
  oldCount: number;
  newCount: number;
  readonly ops: Op[];
}

function hunksOf(ops: readonly Op[]): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | null = null;
  let oldLine = 1;
  let newLine = 1;
  let lastChange = -Infinity;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op.kind !== ' ') {
      // diff -u joins two changes when the context between them is no more than twice CONTEXT.
      if (current === null || i - lastChange - 1 > 2 * CONTEXT) {
        // Start a hunk with up to CONTEXT lines of context before the change.
        const lead = ops.slice(Math.max(0, i - CONTEXT), i);
        current = { oldStart: oldLine - lead.length, newStart: newLine - lead.length, oldCount: lead.length, newCount: lead.length, ops: [...lead] };
        hunks.push(current);
      } else {
        // Context between two changes close together belongs to the same hunk (the first
        // CONTEXT lines of it are already there, as the previous change's trailing context).
        for (const between of ops.slice(Math.min(i, lastChange + 1 + CONTEXT), i)) {
          current.ops.push(between);
          current.oldCount++;
          current.newCount++;
        }
      }
      current.ops.push(op);
      if (op.kind === '-') current.oldCount++;
      else current.newCount++;
      lastChange = i;
    } else if (current !== null && i - lastChange <= CONTEXT) {
      current.ops.push(op);
      current.oldCount++;
      current.newCount++;
    }
    if (op.kind !== '+') oldLine++;
    if (op.kind !== '-') newLine++;
  }
  return hunks;
}
