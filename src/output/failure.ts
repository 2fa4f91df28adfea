// Turns anything thrown into one line on stderr and an exit code (SPEC §4): 2 for what the user
// typed wrong, 130 for Ctrl-C, 1 for the rest. A stack trace only with DEALER_DEBUG=1.
import { CommanderError } from 'commander';
import { Cancelled, DealerError, type ErrorParams } from '../domain/errors.js';
import type { Messages } from '../i18n/en.js';
import { listBackups } from '../store/backup.js';
import { safe } from './screen.js';

/** Commander's own usage errors, mapped to catalogue keys (its messages are English only). */
const COMMANDER: Record<string, string> = {
  'commander.unknownOption': 'unknownOption',
  'commander.unknownCommand': 'unknownCommand',
  'commander.missingArgument': 'missingArgument',
  'commander.excessArguments': 'excessArguments',
  'commander.optionMissingArgument': 'optionMissingArgument',
  'commander.missingMandatoryOptionValue': 'optionMissingArgument',
  'commander.invalidArgument': 'invalidArgument',
  'commander.conflictingOption': 'invalidArgument',
};

const SQLITE: [RegExp, string][] = [
  [/^SQLITE_BUSY/, 'busy'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'damaged'],
  [/^SQLITE_FULL/, 'diskFull'],
  [/^SQLITE_(READONLY|CANTOPEN|PERM|IOERR)/, 'cannotWrite'],
];

function classify(
  e: unknown,
  command: string,
  book: string,
  t: Messages,
): { code: string; params: ErrorParams; exit: number } | null {
  if (e instanceof DealerError) return { code: e.code, params: e.params, exit: e.exitCode };
  if (e instanceof CommanderError) {
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code)) return null;
    const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
    const suggestion = /Did you mean (\S+)\?/.exec(e.message)?.[1] ?? '';
    const detail = e.message.replace(/^error:\s*/, '');
    return {
      code: COMMANDER[e.code] ?? 'invalidArgument',
      params: { name: quoted, got: quoted, detail, command, suggestion },
      exit: 2,
    };
  }
  const sqliteCode = (e as { code?: unknown })?.code;
  if (typeof sqliteCode === 'string') {
    const hit = SQLITE.find(([re]) => re.test(sqliteCode));
    if (hit) {
      return {
        code: hit[1],
        params: { path: book, backup: listBackups(book)[0]?.path ?? t.word.none, detail: String((e as Error).message) },
        exit: 1,
      };
    }
  }
  return { code: 'unexpected', params: { message: e instanceof Error ? e.message : String(e) }, exit: 1 };
}

/** `book`: the book the command had open; SQLite errors can only come once it has one. */
export function explain(e: unknown, t: Messages, command: string, book = ''): number {
  if (e instanceof Cancelled) {
    process.stderr.write(`${t.ui.cancelled}\n`);
    return 130;
  }
  const found = classify(e, command, book, t);
  if (!found) return (e as CommanderError).exitCode ?? 0;
  const message = t.err[found.code]?.(found.params) ?? found.code;
  const hint = t.hint[found.code]?.(found.params);
  // One line, always: a value quoted in the message may hold line breaks.
  const line = `${message}${hint ? ` — ${hint}` : ''}`.replace(/\s*[\r\n]+\s*/g, ' ');
  process.stderr.write(`error: ${safe(line)}\n`);
  if (process.env.DEALER_DEBUG === '1' && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return found.exit;
}
