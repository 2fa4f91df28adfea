// An error's message and hint in the user's language. Each code's message takes that code's own
// parameters (ErrorParams<C>), so an error renders through this one generic lookup rather than
// indexing the catalogue by a code the compiler only knows as "some code".
import type { ErrorCode, ErrorParams } from '../domain/errors.js';
import type { Messages } from './en.js';

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
