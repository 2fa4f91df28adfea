// What every command gets: the user's language, the clock, the book's path, whether a person is
// at a terminal, and the two output streams. Built once per run by the command's module.
import { dayOf, stampOf, type Day } from './domain/dates.js';
import type { Messages } from './i18n/en.js';
import type { Ask } from './input/ask.js';
import { DealerError } from './domain/errors.js';
import { coloured } from './output/coloured.js';
import { jsonText, screen } from './output/screen.js';
import { openBook, type Book } from './store/db.js';
import { bookPath } from './store/paths.js';
import { rememberWords } from './store/lang-file.js';
import { bookWords } from './store/settings.js';
import { isatty } from 'node:tty';

export interface Globals {
  db?: string;
  lang?: string;
  json?: boolean;
}

export interface Context {
  /**
   * Chosen once at start-up, before anything prints — the language (--lang, DEALER_LANG, the book's
   * setting, the locale) with the book's trade's stage names — and never switched.
   */
  readonly t: Messages;
  /** The day "today" means: the local calendar day of `now`. */
  today: Day;
  now: Date;
  /** `now` as stored in created/updated columns (local time). */
  stamp: string;
  dbPath: string;
  json: boolean;
  /** A person can answer prompts: stdin and stderr (where prompts draw) are terminals. */
  interactive: boolean;
  /** Terminal width for fitting tables, or undefined when stdout is not a terminal. */
  width: number | undefined;
  /** Terminal height in rows, or undefined when stdout is not a terminal. */
  height: number | undefined;
  /** Standard output is a terminal (a person reads it), not a file or a pipe. */
  terminal: boolean;
  print(text: string): void;
  printJson(value: unknown): void;
  /** Messages for the person (progress, confirmations that are not the command's data). */
  tell(text: string): void;
  /**
   * A count or a tip that goes with the data: under it on a terminal; to stderr when the data is
   * piped or saved, so that `dealer list > file` holds the list and nothing else.
   */
  hint(text: string): void;
  /** A progress line redrawn in place on the person's terminal; nothing when stderr is not one. */
  progress(text: string, last: boolean): void;
  /**
   * Opens the book. 'write' creates it if needed, checks it is sound and journals for undo;
   * 'repair' (restore) opens it for writing without either.
   */
  open(mode: 'read' | 'write' | 'repair'): Promise<Book>;
  /** Closes what `open` opened, and stamps a book this run checked or wrote as sound. */
  close(): void;
  ask(): Promise<Ask>;
}

/**
 * DEALER_NOW pins the clock (`2026-03-02` or a full ISO time): for tests, and for a consultant who
 * wants to see a day as it will be.
 */
export function clock(env = process.env): Date {
  const pinned = env.DEALER_NOW;
  if (!pinned) return new Date();
  const when = /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? new Date(`${pinned}T09:00:00`) : new Date(pinned);
  return Number.isNaN(when.getTime()) ? new Date() : when;
}

export function makeContext(input: { t: Messages; globals: Globals; label?: string; peeked?: Book }): Context {
  const now = clock();
  const opened: { book: Book; sound: boolean }[] = [];
  // The book start-up opened to read its words (its mirror was stale): a reading open takes it over.
  let peeked = input.peeked;
  // Only commands that write check and stamp the book: reading ones never load this.
  let verify: typeof import('./store/verify.js') | undefined;
  const ctx: Context = {
    t: input.t,
    now,
    today: dayOf(now),
    stamp: stampOf(now),
    dbPath: bookPath(input.globals.db),
    json: Boolean(input.globals.json),
    // Asked of the descriptors: building process.stdin for a pipe costs milliseconds a run never uses.
    interactive: isatty(0) && isatty(2),
    width: screenWidth(),
    height: (process.stdout.isTTY && process.stdout.rows) || undefined,
    terminal: Boolean(process.stdout.isTTY),
    // Human text passes the screen guard here, so no command can print a stored control character.
    print: (text) => void process.stdout.write(`${screen(text, coloured)}\n`),
    printJson: (value) => void process.stdout.write(`${jsonText(value, 2)}\n`),
    tell: (text) => void process.stderr.write(`${screen(text, coloured)}\n`),
    hint: (text) => void (process.stdout.isTTY ? process.stdout : process.stderr).write(`${screen(text, coloured)}\n`),
    progress: (text, last) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${screen(text, coloured)}${last ? '\n' : ''}`);
    },
    async open(mode) {
      if (peeked) {
        const book = peeked;
        peeked = undefined;
        if (mode === 'read' && book.path === ctx.dbPath) {
          opened.push({ book, sound: false });
          return book;
        }
        book.db.close();
      }
      const write = mode === 'write';
      const book = await openBook(ctx.dbPath, {
        create: mode !== 'read',
        now,
        journal: write && input.label ? { label: input.label, at: () => ctx.stamp } : undefined,
      });
      const entry = { book, sound: false };
      opened.push(entry);
      if (write && book.exists) {
        verify = await import('./store/verify.js');
        if (!verify.unchangedSinceChecked(book.path) && !verify.quickCheckOk(book.db)) {
          const { listBackups } = await import('./store/backup.js');
          throw new DealerError('damaged', {
            path: book.path,
            backup: listBackups(book.path)[0]?.path ?? ctx.t.word.none,
          });
        }
        entry.sound = true;
      }
      return book;
    },
    close() {
      // Never used by the command: still closed, and its words mirrored.
      if (peeked) opened.push({ book: peeked, sound: false });
      peeked = undefined;
      for (const { book, sound } of opened.splice(0)) {
        let words;
        try {
          // Read again, not remembered: this run (config, undo, restore) or another dealer while it
          // ran may have changed them, and the mirror must not stamp old words as the book's.
          if (book.db.open && book.exists) words = bookWords(book.db, true);
          if (book.db.open) book.db.close();
        } catch {
          continue; // a statement was still iterating when the command failed; exit closes it
        }
        if (sound) verify?.stampChecked(book.path);
        // Last: the mirror records the book file as this run leaves it.
        if (words) rememberWords(book.path, words);
      }
    },
    async ask() {
      const { inquirerAsk } = await import('./input/inquirer.js');
      return inquirerAsk(ctx);
    },
  };
  return ctx;
}

/**
 * The terminal's width; when stdout is not a terminal, COLUMNS if it is set (a person piping into
 * `less` who wants the table fitted, and the tests), else none: a file gets whole rows.
 */
function screenWidth(env = process.env): number | undefined {
  if (process.stdout.isTTY) return process.stdout.columns || undefined;
  const asked = Number(env.COLUMNS);
  return Number.isInteger(asked) && asked > 0 ? asked : undefined;
}
