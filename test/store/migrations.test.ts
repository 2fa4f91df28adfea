import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, schemaVersion, type Migration } from '../../src/store/migrations.js';

const fresh = () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
};

describe('migrations', () => {
  it('bring an empty file to the latest version', () => {
    const db = fresh();
    migrate(db);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['prospect', 'contact', 'phone', 'reminder', 'setting', 'answer']));
  });

  it('are idempotent', () => {
    const db = fresh();
    migrate(db);
    migrate(db);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
  });

  it('refuse a book written by a newer dealer', () => {
    const db = fresh();
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'dbTooNew' }));
  });

  it('roll a failing migration back whole, version included', () => {
    const db = fresh();
    const broken: Migration = { up: (d) => void d.exec('CREATE TABLE half (x); SELECT * FROM no_such_table;') };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow();
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
  });

  // A rebuild of the prospect table the way SQLite documents it (https://sqlite.org/lang_altertable.html#otheralter):
  // new table, copy, drop, rename, indexes back.
  const rebuild = (flag: boolean): Migration => ({
    rebuilds: flag,
    up: (d) => {
      const table = d.prepare("SELECT sql FROM sqlite_master WHERE name = 'prospect'").pluck().get() as string;
      const indexes = d
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'prospect' AND sql IS NOT NULL")
        .pluck()
        .all() as string[];
      d.exec(table.replace('CREATE TABLE prospect', 'CREATE TABLE prospect_new'));
      d.exec(
        'INSERT INTO prospect_new SELECT * FROM prospect; DROP TABLE prospect; ALTER TABLE prospect_new RENAME TO prospect;',
      );
      for (const sql of indexes) d.exec(sql);
    },
  });

  function bookWithContacts() {
    const db = fresh();
    migrate(db);
    db.exec(`
      INSERT INTO prospect (id, name, created, updated) VALUES (1, 'Wang Lei', 'x', 'x'), (2, '李娜', 'x', 'x');
      INSERT INTO contact (prospect_id, date, kind, created) VALUES (1, '2026-03-01', 'call', 'x'), (1, '2026-03-02', 'sms', 'x'), (2, '2026-03-02', 'call', 'x');
    `);
    return db;
  }

  it('that rebuild the prospect table keep every contact row', () => {
    const db = bookWithContacts();
    migrate(db, [...MIGRATIONS, rebuild(true)]);
    expect(db.prepare('SELECT count(*) FROM contact').pluck().get()).toBe(3);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('that rebuild a journaled table get its undo triggers back, inserts included', () => {
    const db = bookWithContacts();
    migrate(db, [...MIGRATIONS, rebuild(true)]);
    const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'prospect'");
    expect(triggers.pluck().all().sort()).toEqual([
      'undo_prospect_delete',
      'undo_prospect_insert',
      'undo_prospect_update',
    ]);
  });

  it('would lose the contacts if foreign keys stayed on (why `rebuilds` exists)', () => {
    const db = bookWithContacts();
    migrate(db, [...MIGRATIONS, rebuild(false)]);
    expect(db.prepare('SELECT count(*) FROM contact').pluck().get()).toBe(0);
  });
});
