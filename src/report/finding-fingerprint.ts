import { createHash } from 'node:crypto';

/** The partial-fingerprint key; bump the version whenever what is hashed changes. */
export const FINGERPRINT_KEY = 'speclintFindingHash/v1';

/**
 * Identifies findings across runs by what they are about rather than where they are: the rule,
 * the text of the finding's line with its whitespace normalised, and how many findings of that
 * rule on an identical line come before it. Lines inserted or removed elsewhere in the file, or
 * re-indentation, leave it unchanged; editing the line itself changes it.
 */
export class FingerprintCounter {
  private readonly seen = new Map<string, number>();

  next(ruleId: string, lineText: string): string {
    const normalised = lineText.trim().replace(/\s+/g, ' ');
    const key = `${ruleId}\u0000${normalised}`;
    const occurrence = this.seen.get(key) ?? 0;
    this.seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex');
  }
}
