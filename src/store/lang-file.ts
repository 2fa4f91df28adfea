// The book's words — its language (`dealer config set lang zh`) and its trade (`config set trade
// real-estate`) — mirrored in a small file beside it, with the book file's identity, size and
// modification time when the mirror was written. Start-up reads this file to choose the language
// and the stage names before anything prints, without loading SQLite. The settings in the book stay
// the truth: when the book is not the file the mirror describes (restored, copied over, changed by
// another program, or no mirror yet) the run reads the book itself first (settings.ts), and
// every run that opened the book puts the mirror back in line when it closes.
import { bookPath, fileSignature, readSideFile, writeSideFile } from './paths.js';

export type Lang = 'en' | 'zh';

export interface Words {
  lang?: Lang;
  /** The trade as stored; the caller checks it is one dealer knows. */
  trade?: string;
}

const sidePath = (book: string) => `${book}-lang`;
const isLang = (v: string | undefined): v is Lang => v === 'en' || v === 'zh';

const onDisk = (book: string): string | undefined => readSideFile(sidePath(book));

const text = (words: Words, signature: string) =>
  `lang=${words.lang ?? ''}\ntrade=${words.trade ?? ''}\nbook=${signature}\n`;

/**
 * The words remembered beside the book `--db`/DEALER_DB names, and whether they describe the book
 * as it is now (`fresh`). No book: no words, and nothing to doubt. A mirror from before it held the
 * trade (a bare `zh`) still gives the language, but is not fresh.
 */
export function rememberedWords(dbFlag: string | undefined): { path: string; words: Words; fresh: boolean } {
  const path = bookPath(dbFlag);
  const signature = fileSignature(path);
  if (signature === undefined) return { path, words: {}, fresh: true };
  const found = onDisk(path);
  if (found === undefined) return { path, words: {}, fresh: false };
  const fields = new Map<string, string>();
  for (const line of found.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) fields.set(line.slice(0, at), line.slice(at + 1));
  }
  const lang = fields.size > 0 ? fields.get('lang') : found.trim();
  const trade = fields.get('trade');
  return {
    path,
    words: { ...(isLang(lang) ? { lang } : {}), ...(trade ? { trade } : {}) },
    fresh: fields.get('book') === signature,
  };
}

/**
 * Writes the mirror for the book at `book`, closed, as it is now — only when it differs from what is
 * there, so a reading run writes nothing. Only a mirror: failing to write is not an error.
 */
export function rememberWords(book: string, words: Words): void {
  const signature = fileSignature(book);
  if (signature === undefined) return;
  const wanted = text({ ...(isLang(words.lang) ? { lang: words.lang } : {}), trade: words.trade }, signature);
  if (onDisk(book) === wanted) return;
  // The next run reads the book's own settings instead when this fails; the settings are saved.
  writeSideFile(sidePath(book), wanted);
}
