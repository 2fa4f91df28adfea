// Prospect and contact ids, wherever they are typed or read: plain decimal digits. Number() would
// also read 0x1, 1e0, 0b1010, " 1", "+1" and "1.0" as an id, and rounds 9007199254740993 to
// another person's id; none of them is what the consultant meant, so each is refused.
import { usage } from './errors.js';

/** What is typed as an id, `12` or `#12`, before its size is checked: told apart from a word. */
export const ID_SHAPE = /^#?([0-9]+)$/;

/** `12` or `#12` (as dealer prints ids): a positive whole number no larger than 2^53 - 1. */
export function parseId(text: string): number {
  const digits = ID_SHAPE.exec(text)?.[1];
  const id = digits === undefined ? NaN : Number(digits);
  if (!Number.isSafeInteger(id) || id <= 0) throw usage('badId', { input: text });
  return id;
}
