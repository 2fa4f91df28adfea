// A label for a key the type checker cannot vouch for — text stored in the book, commander's help
// titles — as the catalogue's own entry, or undefined for the caller to fall back from.
import type { ErrorCode, ErrorParams } from '../domain/errors.js';
import type { Messages } from './en.js';

export function labelOf<T extends object>(table: T, key: string): T[keyof T] | undefined {
  return isKeyOf(table, key) ? table[key] : undefined;
}

/** Own keys only: "constructor" or "toString" typed by a user is not a label. */
const isKeyOf = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);

// An error's message and hint in the user's language. Each code's message takes that code's own
// parameters (ErrorParams<C>), so an error renders through this one generic lookup rather than
// indexing the catalogue by a code the compiler only knows as "some code".
type Texts = { [C in ErrorCode]: (p: ErrorParams<C>) => string };

function say<C extends ErrorCode>(texts: Texts, code: C, params: ErrorParams<C>): string {
  return texts[code](params);
}

export interface Failure<C extends ErrorCode = ErrorCode> {
  code: C;
  params: ErrorParams<C>;
}

export const errorText = <C extends ErrorCode>(t: Messages, e: Failure<C>): string => say(t.err, e.code, e.params);
export const hintText = <C extends ErrorCode>(t: Messages, e: Failure<C>): string => say(t.hint, e.code, e.params);

/** The name a consultant calls a topic by in their language; a topic of their own keeps its key. */
export const topicName = (t: Messages, key: string): string => labelOf(t.word.topic, key) ?? key;
