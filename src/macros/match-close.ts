/** rpm's matchchar(): the offset of the bracket closing the one at `open`, counting only its kind. */
export function matchClose(text: string, open: number, left: string, right: string): number {
  let level = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === right) {
      if (--level <= 0) return i;
    } else if (c === left) {
      level++;
    }
  }
  return -1;
}
