// The schema's history: an append-only list, applied in order, each in its own transaction with
// the user_version bump, so a crash leaves the book at one version or the next, never between.
// Never edit a shipped entry: add a new one. Vocabularies (stages, sources, kinds) are checked in
// the domain, not by CHECK constraints, so a new word never needs a table rebuild.
import type { Database } from 'better-sqlite3';
import { DealerError } from '../domain/errors.js';

export interface Migration {
  up: (db: Database) => void;
  /**
   * Rebuilds a table that others reference. Foreign keys are switched off around it: with them
   * on (better-sqlite3's default), dropping the old parent table deletes every child row.
   */
  rebuilds?: boolean;
}

const sql = (text: string) => (db: Database) => void db.exec(text);

export const MIGRATIONS: Migration[] = [
  // 1: the first book: prospects with their phones, contacts, reminders, settings, consultation
  // answers, and the stage and grade history the funnel and calibration reports are built from.
  {
    up: sql(`
      CREATE TABLE prospect (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        phone TEXT,
        wechat TEXT,
        email TEXT,
        kind TEXT NOT NULL DEFAULT 'person',
        org TEXT,
        source TEXT,
        referred_by INTEGER REFERENCES prospect(id) ON DELETE SET NULL,
        interest TEXT,
        budget TEXT,
        expected TEXT,
        tier TEXT NOT NULL DEFAULT 'C',
        tier_manual INTEGER NOT NULL DEFAULT 0,
        org_cycle TEXT,
        org_batch TEXT,
        stage TEXT NOT NULL DEFAULT 'new',
        need INTEGER,
        can_pay INTEGER,
        decides INTEGER,
        birthday TEXT,
        note TEXT,
        lost_reason TEXT,
        won_on TEXT,
        lost_on TEXT,
        next_callback TEXT,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
      );
      -- The morning query reads only prospects with a callback booked, in date order.
      CREATE INDEX prospect_next_callback ON prospect(next_callback) WHERE next_callback IS NOT NULL;
      CREATE INDEX prospect_birthday ON prospect(substr(birthday, -5)) WHERE birthday IS NOT NULL;
      CREATE INDEX prospect_referred_by ON prospect(referred_by) WHERE referred_by IS NOT NULL;

      -- Every number a prospect gave, normalised: two consultants must not chase one customer.
      CREATE TABLE phone (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        number TEXT NOT NULL
      );
      CREATE INDEX phone_number ON phone(number);
      CREATE INDEX phone_prospect ON phone(prospect_id);

      CREATE TABLE contact (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        kind TEXT NOT NULL,
        outcome TEXT,
        note TEXT,
        stage TEXT,
        objections TEXT,
        created TEXT NOT NULL
      );
      -- The latest contact of a prospect is one seek; contacts per day for the goal and reports.
      CREATE INDEX contact_prospect_date ON contact(prospect_id, date, id);
      CREATE INDEX contact_date ON contact(date);

      CREATE TABLE reminder (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        due TEXT NOT NULL,
        since TEXT NOT NULL
      );
      CREATE INDEX reminder_due ON reminder(due);
      CREATE INDEX reminder_prospect ON reminder(prospect_id, due);

      CREATE TABLE setting (
        key TEXT NOT NULL UNIQUE,
        value TEXT NOT NULL
      );

      CREATE TABLE answer (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated TEXT NOT NULL,
        UNIQUE (prospect_id, key)
      );

      CREATE TABLE stage_log (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        stage TEXT NOT NULL,
        day TEXT NOT NULL
      );
      CREATE INDEX stage_log_prospect ON stage_log(prospect_id);

      CREATE TABLE grade_log (
        id INTEGER PRIMARY KEY,
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        tier TEXT NOT NULL,
        day TEXT NOT NULL,
        manual INTEGER NOT NULL
      );
      CREATE INDEX grade_log_prospect ON grade_log(prospect_id);
    `),
  },
];

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the book up to date. `before` runs once, before the first pending migration (the
 * automatic backup). A book written by a newer dealer is refused rather than misread.
 */
export function migrate(db: Database, list: Migration[] = MIGRATIONS, before?: (from: number) => void): void {
  const start = schemaVersion(db);
  if (start > list.length) throw new DealerError('dbTooNew', { version: start, supported: list.length });
  if (start === list.length) return;
  before?.(start);
  for (let v = start; v < list.length; v++) {
    const m = list[v]!;
    if (m.rebuilds) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        // Another dealer may have migrated while this one waited for the write lock.
        if (schemaVersion(db) > v) return;
        m.up(db);
        if (m.rebuilds && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new DealerError('migrationBrokeKeys', { version: v + 1 });
        }
        db.pragma(`user_version = ${v + 1}`);
      }).immediate();
    } finally {
      if (m.rebuilds) db.pragma('foreign_keys = ON');
    }
  }
}
