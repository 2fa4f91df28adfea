// The book's language (`dealer config set lang zh`), mirrored in a small file beside it. Start-up
// reads this file to choose the language before anything prints — help, a usage error, the first
// prompt — without loading SQLite for commands that never open the book. The setting in the book
// stays the truth: every open puts the file back in line with it (after a restore, say), so a
// stale file is wrong for one run at most.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Book } from './db.js';
import { bookPath, tighten } from './files.js';

export type Lang = 'en' | 'zh';

const sidePath = (book: string) => `${book}-lang`;
const isLang = (v: string | undefined): v is Lang => v === 'en' || v === 'zh';

function onDisk(book: string): string | undefined {
  try {
    return readFileSync(sidePath(book), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The language remembered beside the book `--db`/DEALER_DB names, if any. */
export function rememberedLang(dbFlag: string | undefined): Lang | undefined {
  const v = onDisk(bookPath(dbFlag));
  return isLang(v) ? v : undefined;
}

/** Writes (or, for no language, removes) the side file. Only a mirror: failing to write is not an error. */
function rememberLang(book: string, lang: string | undefined): void {
  try {
    if (isLang(lang)) {
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
  // Neither db.ts's prepared() nor the decoders: start-up imports this module and must stay light.
  const value: unknown = book.db.prepare("SELECT value FROM setting WHERE key = 'lang'").pluck().get();
  const stored = typeof value === 'string' ? value : undefined;
  if ((stored || undefined) !== (onDisk(book.path) || undefined)) rememberLang(book.path, stored);
}
