// Settings rows: raw strings, validated and typed by domain/settings.ts; and the book's words (its
// language and trade) read from them, for the mirror beside the book (lang-file.ts) and for a run
// whose mirror does not describe the book as it is.
import { settingsFrom, type Settings } from '../domain/settings.js';
import { forgetSettings, openBook, prepared, settingsOnce, type Book, type DB } from './db.js';
import type { Words } from './lang-file.js';
import { keyValues } from './decode.js';

/** Every stored setting, read once per connection (a write forgets them). */
export function storedSettings(db: DB): Record<string, string> {
  return settingsOnce(db, () => keyValues(prepared(db, 'SELECT key, value FROM setting').all(), 'setting'));
}

export function readSettings(db: DB): Settings {
  return settingsFrom(storedSettings(db));
}

export function saveSetting(db: DB, key: string, value: string): void {
  forgetSettings(db);
  prepared(
    db,
    'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function removeSetting(db: DB, key: string): void {
  forgetSettings(db);
  prepared(db, 'DELETE FROM setting WHERE key = ?').run(key);
}

/**
 * The language and trade stored in the book. `fresh`: read them again, not as read earlier in the
 * run — a restore or an undo may have changed them without this connection's knowing.
 */
export function bookWords(db: DB, fresh = false): Words {
  if (fresh) forgetSettings(db);
  const { lang, trade } = storedSettings(db);
  return { ...(lang === 'en' || lang === 'zh' ? { lang } : {}), ...(trade ? { trade } : {}) };
}

/**
 * Opens the book to read its words before the run decides them. The book is handed on open: a
 * reading command uses this connection rather than open the book twice (in a read-only folder that
 * is a second copy in memory), and closing it mirrors the words. Undefined when the book cannot be
 * read: the command's own open says why.
 */
export async function peekWords(path: string): Promise<{ words: Words; book: Book } | undefined> {
  let book: Book | undefined;
  try {
    book = await openBook(path, { create: false });
    return { words: bookWords(book.db), book };
  } catch {
    book?.db.close();
    return undefined;
  }
}
