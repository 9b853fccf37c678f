/**
 * A copy of the array holding only its elements. V8 gives an array that push() grew room for 16
 * more; a tree keeps one for every text of the file and the expansion two for every line with a
 * macro, a third of their memory.
 */
export function compact<T>(array: readonly T[]): T[] {
  return array.slice();
}
