/**
 * A copy of the array holding only its elements. V8 gives an array that push() grew room for 16
 * more, and the tree keeps the lists the builder grows (a text of several parts, a file entry's
 * paths and directives) for as long as it lives.
 */
export function compact<T>(array: readonly T[]): T[] {
  return array.slice();
}
