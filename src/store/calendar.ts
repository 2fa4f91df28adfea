// The book's calendar memory, in the setting table (no schema change): its random id, which every
// event UID carries, and what the last export contained, so the next one can cancel what has gone.
// Neither is a user setting: `config` lists only the keys it knows.
import type { Day } from '../domain/dates.js';
import type { Exported } from '../domain/calendar.js';
import { prepared, type DB } from './db.js';
import { maybe, text } from './decode.js';
import { saveSetting } from './settings.js';

const BOOK_ID = 'book.id';
const EXPORTED = 'calendar.exported';

const stored = (db: DB, key: string) =>
  maybe(text)(prepared(db, 'SELECT value FROM setting WHERE key = ?').pluck().get(key), 'setting.value');

export function bookId(db: DB): string | undefined {
  return stored(db, BOOK_ID);
}

export function lastExported(db: DB): Exported {
  const saved = stored(db, EXPORTED);
  if (!saved) return {};
  try {
    const value: unknown = JSON.parse(saved);
    if (typeof value !== 'object' || value === null) return {};
    // Only day-valued entries are an export's memory; anything else in it is dropped.
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, Day] => typeof e[1] === 'string'));
  } catch {
    return {}; // a damaged memory costs only the cancellations of one export
  }
}

/**
 * Records an export. The id is stored only if the book has none yet: the first export creates it.
 * Call inside write(); returns the id the book keeps.
 */
export function rememberExport(db: DB, id: string, exported: Exported): string {
  prepared(db, 'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(BOOK_ID, id);
  saveSetting(db, EXPORTED, JSON.stringify(exported));
  return bookId(db) ?? id;
}
