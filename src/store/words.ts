// The book's words read from the book itself: to keep the mirror beside it (lang-file.ts) in line
// when a run closes the book, and to decide the language and trade before a run whose mirror does
// not describe the book as it is.
import { forgetSettings, openBook, type DB } from './db.js';
import { rememberWords, type Words } from './lang-file.js';
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
 * Opens the book only to read its words, and mirrors them. Undefined when it cannot be read: the
 * command's own open says why.
 */
export async function peekWords(path: string): Promise<Words | undefined> {
  try {
    const book = await openBook(path, { create: false });
    let words: Words;
    try {
      words = bookWords(book.db);
    } finally {
      book.db.close();
    }
    if (book.exists) rememberWords(path, words);
    return words;
  } catch {
    return undefined;
  }
}
