// The journal's bookkeeping: what an entry says it did, and entries written by dealer before inserts
// were journaled (schema 2, rowid marks) still undone after the upgrade.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeEntry, entries, openEntry, undoNewest } from '../../src/store/journal.js';
import { JOURNALED, MIGRATIONS, migrate } from '../../src/store/migrations.js';
import { dumpOf } from '../helpers/dump.js';

const fresh = () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
};

function journaled(db: Database.Database, label: string, sql: string) {
  db.transaction(() => {
    const mark = openEntry(db, label, '2026-03-02 09:00:00');
    db.exec(sql);
    closeEntry(db, mark);
  })();
}

const addWang = `INSERT INTO prospect (id, name, created, updated) VALUES (1, 'Wang Lei', 'x', 'x');
  INSERT INTO phone (prospect_id, number) VALUES (1, '13800138000');`;

describe('journal', () => {
  it('counts each row once: added, changed, removed; a row added and deleted in one entry is not counted', () => {
    const db = fresh();
    migrate(db);
    journaled(db, 'add', addWang);
    journaled(
      db,
      'mixed',
      `INSERT INTO reminder (prospect_id, reason, due, since) VALUES (1, 'a', 'd', 's'), (1, 'b', 'd', 's');
       DELETE FROM reminder WHERE reason = 'b';
       UPDATE prospect SET note = 'x' WHERE id = 1; UPDATE prospect SET note = 'y' WHERE id = 1;
       DELETE FROM phone;`,
    );
    const [mixed, add] = entries(db);
    expect(add).toMatchObject({ added: { prospect: 1, phone: 1 }, changed: {}, removed: {} });
    expect(mixed).toMatchObject({ added: { reminder: 1 }, changed: { prospect: 1 }, removed: { phone: 1 } });
  });

  it('undoes a rowid reused in the same entry: the old row back, the new one gone', () => {
    const db = fresh();
    migrate(db);
    journaled(db, 'add', addWang);
    const before = dumpOf(db);
    journaled(db, 'swap', `DELETE FROM phone; INSERT INTO phone (prospect_id, number) VALUES (1, '13900139000');`);
    undoNewest(db);
    expect(dumpOf(db)).toBe(before);
  });

  it('keeps the newest 50 entries, their steps and no others, and still undoes all 50', () => {
    const db = fresh();
    migrate(db);
    for (let i = 1; i <= 55; i++) {
      journaled(db, `add ${i}`, `INSERT INTO prospect (name, created, updated) VALUES ('P${i}', 'x', 'x')`);
    }
    expect(entries(db, 100)).toHaveLength(50);
    expect(db.prepare('SELECT count(*) FROM undo_step').pluck().get()).toBe(50);
    while (undoNewest(db));
    expect(db.prepare('SELECT name FROM prospect').pluck().all()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(db.prepare('SELECT count(*) FROM undo_step').pluck().get()).toBe(0);
  });

  it('upgrades entries written under rowid marks: inserts become steps, and undo still takes them back', () => {
    const db = fresh();
    migrate(db, MIGRATIONS.slice(0, 2));
    const old = (marks: Record<string, number>, sql: string) =>
      db.transaction(() => {
        db.prepare("INSERT INTO undo_command (at, label, marks) VALUES ('t', 'old', ?)").run(JSON.stringify(marks));
        db.exec(sql);
        db.exec('UPDATE undo_command SET open = 0 WHERE open = 1');
      })();
    const empty = dumpOf(db);
    old({}, addWang);
    old(
      { prospect: 1, phone: 1 },
      `UPDATE prospect SET note = 'n' WHERE id = 1;
      INSERT INTO prospect (id, name, created, updated) VALUES (2, 'Li Na', 'x', 'x');`,
    );
    migrate(db);
    expect(entries(db).map((e) => e.added)).toEqual([{ prospect: 1 }, { prospect: 1, phone: 1 }]);
    undoNewest(db);
    expect(db.prepare('SELECT id, note FROM prospect').all()).toEqual([{ id: 1, note: null }]);
    undoNewest(db);
    expect(db.prepare('SELECT count(*) FROM prospect').pluck().get()).toBe(0);
    expect(entries(db)).toEqual([]);
    // The schema moved on; the rows are as before the first entry.
    const rows = (d: string) => d.split('\n').filter((l) => JOURNALED.some((t) => l.startsWith(`${t} [`)));
    expect(rows(dumpOf(db))).toEqual(rows(empty));
  });
});
