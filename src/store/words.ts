// The book's words read from the book itself: to keep the mirror beside it (lang-file.ts) in line
// when a run closes the book, and to decide the language and trade before a run whose mirror does
// not describe the book as it is.
import { forgetSettings, openBook, type Book, type DB } from './db.js';
import type { Words } from './lang-file.js';
import { storedSettings } from './settings.js';

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
