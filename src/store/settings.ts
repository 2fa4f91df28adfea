// Settings rows: raw strings, validated and typed by domain/settings.ts.
import { settingsFrom, type Settings } from '../domain/settings.js';
import { prepared, type DB } from './db.js';
import { keyValues } from './decode.js';

export function storedSettings(db: DB): Record<string, string> {
  return keyValues(prepared(db, 'SELECT key, value FROM setting').all(), 'setting');
}

export function readSettings(db: DB): Settings {
  return settingsFrom(storedSettings(db));
}

/** The book's trade alone: every command's screen words depend on it. */
export function storedTrade(db: DB): string | undefined {
  try {
    return prepared(db, "SELECT value FROM setting WHERE key = 'trade'").pluck().get() as string | undefined;
  } catch {
    return undefined; // not a book yet (no setting table): the car's words
  }
}

export function saveSetting(db: DB, key: string, value: string): void {
  prepared(
    db,
    'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function removeSetting(db: DB, key: string): void {
  prepared(db, 'DELETE FROM setting WHERE key = ?').run(key);
}
