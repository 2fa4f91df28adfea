// Errors carry a message key and its parameters, never English text: the domain stays
// language-free and the entry point renders the message in the user's language.

export type ErrorParams = Record<string, string | number>;

/**
 * Every error code there is a message for. The English catalogue fills this in with its `err` keys
 * (src/i18n/en.ts), so the domain names no catalogue yet a code without a message does not compile.
 */
export interface ErrorCodes {}
export type ErrorCode = keyof ErrorCodes;

export class DealerError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(code);
    this.name = 'DealerError';
  }
}

/** Something the user typed wrong: exit 2 (SPEC §4). */
export function usage(code: ErrorCode, params: ErrorParams = {}): DealerError {
  return new DealerError(code, params, 2);
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
