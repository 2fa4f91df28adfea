// Turns anything thrown into one line on stderr and an exit code (SPEC §4): 2 for what the user
// typed wrong, 130 for Ctrl-C, 1 for the rest. A stack trace only with DEALER_DEBUG=1. A problem
// of the machine (permissions, a full or read-only disk) is said as such, naming the path, never
// as a bug of dealer. SQLite's failures arrive already translated by src/store.
import { CommanderError } from 'commander';
import { basename, dirname } from 'node:path';
import { Cancelled, DealerError, errorCode, type ErrorCode, type ErrorParams } from '../domain/errors.js';
import type { Messages } from '../i18n/en.js';
import { safe } from './screen.js';
import { errorText, hintText } from '../i18n/label.js';

/** A path a Node file-system error names (`path`, or `dest` for a rename or copy). */
function pathOf(e: unknown, key: 'path' | 'dest'): string | undefined {
  if (typeof e !== 'object' || e === null || !(key in e)) return undefined;
  const v: unknown = Reflect.get(e, key);
  return typeof v === 'string' ? v : undefined;
}

/** Commander's own usage errors, mapped to catalogue keys (its messages are English only). */
const COMMANDER: Record<string, ErrorCode> = {
  'commander.unknownOption': 'unknownOption',
  'commander.unknownCommand': 'unknownCommand',
  'commander.missingArgument': 'missingArgument',
  'commander.excessArguments': 'excessArguments',
  'commander.optionMissingArgument': 'optionMissingArgument',
  'commander.missingMandatoryOptionValue': 'optionMissingArgument',
  'commander.invalidArgument': 'invalidArgument',
  'commander.conflictingOption': 'invalidArgument',
};

/** The file system's refusals: the message key, and the exit code (2: the path typed is wrong). */
const FILE_SYSTEM: Record<string, [ErrorCode, 1 | 2]> = {
  EACCES: ['fsDenied', 1],
  EPERM: ['fsDenied', 1],
  EROFS: ['fsReadOnly', 1],
  ENOSPC: ['diskFull', 1],
  EDQUOT: ['diskFull', 1],
  EFBIG: ['fsTooBig', 1],
  EISDIR: ['isFolder', 2],
  ENOTDIR: ['fsNotFolder', 2],
  ENOENT: ['noSuchFile', 2],
};

/** A temporary file dealer made beside a target means nothing to the user: name its folder. */
const shown = (path: string) => (/^\..*\.tmp$/.test(basename(path)) ? dirname(path) : path);

function classify(
  e: unknown,
  command: string,
  book: string,
  t: Messages,
): { code: ErrorCode; params: ErrorParams; exit: number } | null {
  if (e instanceof DealerError)
    return { code: e.code, params: { ...e.params, backup: e.params.backup || t.word.none }, exit: e.exitCode };
  if (e instanceof CommanderError) {
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code)) return null;
    const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
    const suggestion = /Did you mean (\S+)\?/.exec(e.message)?.[1] ?? '';
    const detail = e.message.replace(/^error:\s*/, '');
    return {
      code: COMMANDER[e.code] ?? 'invalidArgument',
      params: {
        name: quoted,
        got: quoted,
        detail,
        command,
        suggestion,
        help: ['dealer', command, '--help'].filter(Boolean).join(' '),
      },
      exit: 2,
    };
  }
  const code = errorCode(e);
  const fs = code === undefined ? undefined : FILE_SYSTEM[code];
  if (fs) {
    const path = shown(pathOf(e, 'path') ?? pathOf(e, 'dest') ?? book);
    return { code: fs[0], params: { path, backup: t.word.none }, exit: fs[1] };
  }
  return { code: 'unexpected', params: { message: e instanceof Error ? e.message : String(e) }, exit: 1 };
}

/** `book`: the book the command had open; SQLite errors can only come once it has one. */
export function explain(e: unknown, t: Messages, command: string, book = ''): number {
  if (e instanceof Cancelled) {
    if (!e.told) process.stderr.write(`${t.ui.cancelled}\n`);
    return 130;
  }
  const found = classify(e, command, book, t);
  if (!found) return e instanceof CommanderError ? e.exitCode : 0;
  const message = errorText(t, found);
  const hint = hintText(t, found);
  // One line, always: a value quoted in the message may hold line breaks.
  const line = `${message}${hint ? ` — ${hint}` : ''}`.replace(/\s*[\r\n]+\s*/g, ' ');
  process.stderr.write(`error: ${safe(line)}\n`);
  if (process.env.DEALER_DEBUG === '1' && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return found.exit;
}
