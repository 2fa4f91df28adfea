// Errors carry a message key and its parameters, never English text: the domain stays
// language-free and the entry point renders the message in the user's language.

/**
 * Every error code there is a message for, with the parameters its message and hint use. The
 * English catalogue fills this in from its `err` and `hint` entries (src/i18n/en.ts), so the domain
 * names no catalogue yet a code without a message, or an error missing a parameter, does not compile.
 */
export interface ErrorCodes {}
export type ErrorCode = keyof ErrorCodes;
export type ErrorParams<C extends ErrorCode = ErrorCode> = ErrorCodes[C];

/** The parameters after the code: optional when the message needs none. */
type Given<C extends ErrorCode> = Record<never, never> extends ErrorParams<C>
  ? [params?: ErrorParams<C>]
  : [params: ErrorParams<C>];

export class DealerError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly params: ErrorParams<C>,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(code);
    this.name = 'DealerError';
  }
}

/** Something the user typed wrong: exit 2 (SPEC §4). */
export function usage<C extends ErrorCode>(code: C, ...[params]: Given<C>): DealerError<C> {
  // Given<C> leaves the parameters out only for a code whose message takes none.
  return new DealerError(code, params ?? ({} as ErrorParams<C>), 2);
}

/**
 * The user pressed Ctrl-C at a prompt; nothing was saved. `told`: the command has already said
 * what it kept (`today --work` keeps each prospect it recorded), so "nothing saved" would be wrong.
 */
export class Cancelled extends Error {
  constructor(readonly told = false) {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** The `code` a Node or SQLite error carries (ENOENT, SQLITE_BUSY, ...), if it has one. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  return typeof e.code === 'string' ? e.code : undefined;
}
