// Settings rows: raw strings, validated and typed by domain/settings.ts.
import { settingsFrom, type Settings } from '../domain/settings.js';
import { forgetSettings, prepared, settingsOnce, type DB } from './db.js';
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
