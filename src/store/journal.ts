// The undo journal: every command that writes is one entry; `dealer undo` takes the newest back.
// Triggers (src/store/migrations.ts) record each row an entry inserts, updates or deletes as a step,
// in the order it happened; undo replays the steps backwards, so whatever rowids were reused or
// chosen, the book returns to exactly what it was.
import type { Statement } from 'better-sqlite3';
import type { DB } from './db.js';
import { cells, fields, int, json, text } from './decode.js';
import { JOURNALED } from './migrations.js';

/** How many commands can be undone; older entries are dropped as new ones arrive. */
const KEEP = 50;

export interface Entry {
  id: number;
  at: string;
  label: string;
  /** Rows added, changed and removed, by table. */
  added: Record<string, number>;
  changed: Record<string, number>;
  removed: Record<string, number>;
}

const changes = (db: DB) => int(db.prepare('SELECT total_changes()').pluck().get(), 'total_changes()');

/** Starts an entry; the triggers attach every insert, update and delete to it until `closeEntry`. */
export function openEntry(db: DB, label: string, at: string): number {
  // Its steps take the ids from here on: the triggers append them while it is the one open entry.
  db.prepare(
    'INSERT INTO undo_command (at, label, first_step) VALUES (?, ?, (SELECT coalesce(max(id), 0) + 1 FROM undo_step))',
  ).run(at, label);
  return changes(db);
}

/** Ends the entry; one that changed nothing is dropped, and only the newest KEEP are kept. */
export function closeEntry(db: DB, changesAtOpen: number): void {
  const id = int(db.prepare('SELECT id FROM undo_command WHERE open = 1').pluck().get(), 'undo_command.id');
  if (changes(db) === changesAtOpen) {
    db.prepare('DELETE FROM undo_command WHERE id = ?').run(id);
    return;
  }
  db.prepare('UPDATE undo_command SET open = 0 WHERE id = ?').run(id);
  const kept = db.prepare('SELECT first_step FROM undo_command WHERE id > ? ORDER BY id LIMIT 1').pluck();
  db.prepare('DELETE FROM undo_step WHERE id < ?').run(kept.get(id - KEEP));
  db.prepare('DELETE FROM undo_command WHERE id <= ?').run(id - KEEP);
}

/**
 * Counts what an entry did to the rows that were there before it: a row it inserted is added (unless
 * it also deleted it); a row that was there is changed or removed, each row counted once.
 */
interface Stored {
  id: number;
  at: string;
  label: string;
  /** Its steps: ids from `first` up to (not including) `stop`, the next entry's first. */
  first: number;
  stop: number;
}

function describe(db: DB, row: Stored): Entry {
  const added: Record<string, number> = {};
  const changed: Record<string, number> = {};
  const removed: Record<string, number> = {};
  // An import is a hundred thousand inserts and nothing else: counted by SQLite, not row by row.
  const range = [row.first, row.stop];
  if (!db.prepare("SELECT 1 FROM undo_step WHERE id >= ? AND id < ? AND op <> 'insert'").get(range)) {
    const counts = db
      .prepare('SELECT tbl, count(*) FROM undo_step WHERE id >= ? AND id < ? GROUP BY tbl')
      .raw()
      .all(range);
    for (const c of counts) {
      const [tbl, n] = cells(c, 'undo_step');
      added[text(tbl, 'undo_step.tbl')] = int(n, 'count');
    }
    return { id: row.id, at: row.at, label: row.label, added, changed, removed };
  }
  const inserted = new Set<string>();
  const counted = new Set<string>();
  const bump = (into: Record<string, number>, tbl: string, by: number) => {
    into[tbl] = (into[tbl] ?? 0) + by;
  };
  const steps = db.prepare('SELECT tbl, op, row FROM undo_step WHERE id >= ? AND id < ? ORDER BY id').raw();
  for (const step of steps.iterate(range)) {
    const [tblValue, op, rowid] = cells(step, 'undo_step');
    const tbl = text(tblValue, 'undo_step.tbl');
    const key = `${tbl}:${int(rowid, 'undo_step.row')}`;
    if (op === 'insert') {
      inserted.add(key);
      bump(added, tbl, 1);
    } else if (inserted.has(key)) {
      if (op === 'delete') {
        inserted.delete(key);
        bump(added, tbl, -1);
      }
    } else if (!counted.has(`${key}:${op}`)) {
      counted.add(`${key}:${op}`);
      bump(op === 'update' ? changed : removed, tbl, 1);
    }
  }
  for (const t of Object.keys(added)) if (!added[t]) delete added[t];
  return { id: row.id, at: row.at, label: row.label, added, changed, removed };
}

/** The newest entries first. */
export function entries(db: DB, limit = 20): Entry[] {
  const rows = db
    .prepare(
      `SELECT id, at, label, first_step AS first, lead(first_step, 1, ?) OVER (ORDER BY id) AS stop
       FROM undo_command WHERE open = 0 ORDER BY id DESC LIMIT ?`,
    )
    .all(Number.MAX_SAFE_INTEGER, limit);
  return rows.map((row) => {
    const r = fields(row, 'undo_command');
    const stored: Stored = {
      id: int(r.id, 'undo_command.id'),
      at: text(r.at, 'undo_command.at'),
      label: text(r.label, 'undo_command.label'),
      first: int(r.first, 'undo_command.first_step'),
      stop: int(r.stop, 'undo_command.stop'),
    };
    return describe(db, stored);
  });
}

/**
 * Takes the newest entry back by replaying its steps newest first: an inserted row deleted, an
 * updated row given its old values, a deleted row put back under its rowid. The entry is dropped.
 * Run inside a write transaction with no entry open, so nothing here is journaled.
 */
export function undoNewest(db: DB): Entry | undefined {
  const [entry] = entries(db, 1);
  if (!entry) return undefined;
  const first = int(db.prepare('SELECT first_step FROM undo_command WHERE id = ?').pluck().get(entry.id), 'first_step');
  // Restored rows may point at each other in any order: check keys once, at commit.
  db.pragma('defer_foreign_keys = ON');
  const statements = new Map<string, Statement<unknown[]>>();
  const run = (sql: string, ...params: unknown[]) => {
    let stmt = statements.get(sql);
    if (!stmt) statements.set(sql, (stmt = db.prepare<unknown[]>(sql)));
    stmt.run(...params);
  };
  // A run of inserts with nothing between them is taken back a table at a time, children first: the
  // book is then as it was right after the run's last insert, so no row outside it points into it.
  let insertRun: [number, number] | undefined;
  const dropInserted = () => {
    if (!insertRun) return;
    for (const t of [...JOURNALED].reverse()) {
      run(
        `DELETE FROM ${t} WHERE rowid IN (SELECT row FROM undo_step
           WHERE id BETWEEN ? AND ? AND tbl = ? AND op = 'insert')`,
        insertRun[0],
        insertRun[1],
        t,
      );
    }
    insertRun = undefined;
  };
  const steps = db.prepare('SELECT id, tbl, row, op, old FROM undo_step WHERE id >= ? ORDER BY id DESC').raw();
  // Read whole before writing: the replay must not change the rows being iterated.
  for (const step of steps.all(first)) {
    const [idValue, tblValue, row, op, oldText] = cells(step, 'undo_step');
    const id = int(idValue, 'undo_step.id');
    const tbl = text(tblValue, 'undo_step.tbl');
    if (op === 'insert') {
      insertRun = [id, insertRun?.[1] ?? id];
      continue;
    }
    dropInserted();
    const old = fields(json(oldText, 'undo_step.old'), 'undo_step.old');
    const cols = Object.keys(old);
    if (op === 'update') {
      run(`UPDATE ${tbl} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE rowid = ?`, ...Object.values(old), row);
    } else {
      run(
        `INSERT INTO ${tbl} (rowid, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`,
        row,
        ...Object.values(old),
      );
    }
  }
  dropInserted();
  db.prepare('DELETE FROM undo_step WHERE id >= ?').run(first);
  db.prepare('DELETE FROM undo_command WHERE id = ?').run(entry.id);
  return entry;
}

/** Forgets the whole journal: it may hold old values of a customer who asked to be forgotten. */
export function clearJournal(db: DB): void {
  db.exec('DELETE FROM undo_step; DELETE FROM undo_command;');
}
