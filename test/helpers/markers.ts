/**
 * Reads `# speclint-expect: name[, name…]` comment lines: each expects those findings on the next
 * line that is not a comment. Returns `name@line` strings, sorted like findings are.
 */
export function expectedFindings(text: string): string[] {
  const lines = text.split('\n');
  const found: { line: number; name: string }[] = [];
  let pending: string[] = [];
  lines.forEach((line, i) => {
    const marker = /^\s*#\s*speclint-expect:\s*(.+?)\s*$/.exec(line);
    if (marker !== null) {
      pending.push(...marker[1]!.split(',').map((n) => n.trim()));
    } else if (!/^\s*#/.test(line) && pending.length > 0) {
      for (const name of pending) found.push({ line: i + 1, name });
      pending = [];
    }
  });
  if (pending.length > 0) throw new Error(`speclint-expect markers at the end of the file: ${pending.join(', ')}`);
  return found.sort((a, b) => a.line - b.line || a.name.localeCompare(b.name)).map((f) => `${f.name}@${f.line}`);
}
