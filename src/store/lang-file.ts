// The book's language (`dealer config set lang zh`), mirrored in a small file beside it. Start-up
// reads this file to choose the language before anything prints — help, a usage error, the first
// prompt — without loading SQLite for commands that never open the book. The setting in the book
// stays the truth: every open puts the file back in line with it (after a restore, say), so a
// stale file is wrong for one run at most.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Book } from './db.js';
import { bookPath, tighten } from './files.js';
import { maybe, text } from './decode.js';

export type Lang = 'en' | 'zh';

const sidePath = (book: string) => `${book}-lang`;

/** The language remembered beside the book `--db`/DEALER_DB names, if any. */
export function rememberedLang(dbFlag: string | undefined): Lang | undefined {
  try {
    const v = readFileSync(sidePath(bookPath(dbFlag)), 'utf8').trim();
    return v === 'en' || v === 'zh' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Writes (or, for no language, removes) the side file. Only a mirror: failing to write is not an error. */
export function rememberLang(book: string, lang: string | undefined): void {
  try {
    if (lang === 'en' || lang === 'zh') {
      writeFileSync(sidePath(book), lang, { mode: 0o600 });
      tighten(sidePath(book));
    } else rmSync(sidePath(book), { force: true });
  } catch {
    // The next run speaks the locale's language instead; the setting itself is saved.
  }
}

/** Brings the side file in line with the setting stored in the book. */
export function syncRememberedLang(book: Book): void {
  if (!book.exists) return;
  const stored = maybe(text)(book.db.prepare("SELECT value FROM setting WHERE key = 'lang'").pluck().get(), 'lang');
  const onDisk = (() => {
    try {
      return readFileSync(sidePath(book.path), 'utf8').trim();
    } catch {
      return undefined;
    }
  })();
  if ((stored || undefined) !== (onDisk || undefined)) rememberLang(book.path, stored);
}
