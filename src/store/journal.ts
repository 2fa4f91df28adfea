// The undo journal: every command that writes is one entry; `dealer undo` takes the newest back.
import type { DB } from './db.js';
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

function marksNow(db: DB): Record<string, number> {
  return Object.fromEntries(
    JOURNALED.map((t) => [t, (db.prepare(`SELECT max(rowid) FROM ${t}`).pluck().get() as number | null) ?? 0]),
  );
}

/** Starts an entry; the triggers attach every update and delete to it until `closeEntry`. */
export function openEntry(db: DB, label: string, at: string): number {
  db.prepare('INSERT INTO undo_command (at, label, marks) VALUES (?, ?, ?)').run(
    at,
    label,
    JSON.stringify(marksNow(db)),
  );
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/** Ends the entry; one that changed nothing is dropped, and only the newest KEEP are kept. */
export function closeEntry(db: DB, changesAtOpen: number): void {
  const id = db.prepare('SELECT id FROM undo_command WHERE open = 1').pluck().get() as number;
  if ((db.prepare('SELECT total_changes()').pluck().get() as number) === changesAtOpen) {
    db.prepare('DELETE FROM undo_command WHERE id = ?').run(id);
    return;
  }
  db.prepare('UPDATE undo_command SET open = 0 WHERE id = ?').run(id);
  db.prepare('DELETE FROM undo_command WHERE id <= ?').run(id - KEEP);
}

function describe(
  db: DB,
  row: { id: number; at: string; label: string; marks: string },
  next: Record<string, number> | null,
): Entry {
  const marks = JSON.parse(row.marks) as Record<string, number>;
  const added: Record<string, number> = {};
  for (const t of JOURNALED) {
    // Rows above this entry's marks and below the next entry's were inserted by this one.
    const upper = next?.[t];
    const n = db
      .prepare(`SELECT count(*) FROM ${t} WHERE rowid > ?${upper === undefined ? '' : ' AND rowid <= ?'}`)
      .pluck()
      .get(...(upper === undefined ? [marks[t] ?? 0] : [marks[t] ?? 0, upper])) as number;
    if (n) added[t] = n;
  }
  const changed: Record<string, number> = {};
  const removed: Record<string, number> = {};
  const steps = db.prepare('SELECT tbl, op, row FROM undo_step WHERE command_id = ?').all(row.id) as {
    tbl: string;
    op: string;
    row: number;
  }[];
  const seen = new Set<string>();
  for (const s of steps) {
    if (s.row > (marks[s.tbl] ?? 0) || seen.has(`${s.tbl}:${s.row}:${s.op}`)) continue;
    seen.add(`${s.tbl}:${s.row}:${s.op}`);
    const into = s.op === 'update' ? changed : removed;
    into[s.tbl] = (into[s.tbl] ?? 0) + 1;
  }
  return { id: row.id, at: row.at, label: row.label, added, changed, removed };
}

/** The newest entries first. */
export function entries(db: DB, limit = 20): Entry[] {
  const rows = db
    .prepare('SELECT id, at, label, marks FROM undo_command WHERE open = 0 ORDER BY id DESC LIMIT ?')
    .all(limit) as {
    id: number;
    at: string;
    label: string;
    marks: string;
  }[];
  let next: Record<string, number> | null = null;
  return rows.map((r) => {
    const e = describe(db, r, next);
    next = JSON.parse(r.marks) as Record<string, number>;
    return e;
  });
}

/**
 * Takes the newest entry back: its inserted rows deleted, the rows it changed or deleted restored
 * from their old values (newest change first), the entry itself dropped. Run inside a write
 * transaction with no entry open, so nothing here is journaled.
 */
export function undoNewest(db: DB): Entry | undefined {
  const [entry] = entries(db, 1);
  if (!entry) return undefined;
  const marks = JSON.parse(
    db.prepare('SELECT marks FROM undo_command WHERE id = ?').pluck().get(entry.id) as string,
  ) as Record<string, number>;
  // Restored rows may point at each other in any order: check keys once, at commit.
  db.pragma('defer_foreign_keys = ON');
  for (const t of [...JOURNALED].reverse()) db.prepare(`DELETE FROM ${t} WHERE rowid > ?`).run(marks[t] ?? 0);
  const steps = db
    .prepare('SELECT tbl, row, op, old FROM undo_step WHERE command_id = ? ORDER BY id DESC')
    .all(entry.id) as {
    tbl: string;
    row: number;
    op: string;
    old: string;
  }[];
  for (const s of steps) {
    if (s.row > (marks[s.tbl] ?? 0)) continue;
    const old = JSON.parse(s.old) as Record<string, unknown>;
    const cols = Object.keys(old);
    if (s.op === 'update') {
      db.prepare(`UPDATE ${s.tbl} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE rowid = ?`).run(
        ...Object.values(old),
        s.row,
      );
    } else {
      db.prepare(`INSERT INTO ${s.tbl} (rowid, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`).run(
        s.row,
        ...Object.values(old),
      );
    }
  }
  db.prepare('DELETE FROM undo_command WHERE id = ?').run(entry.id);
  return entry;
}

/** Forgets the whole journal: it may hold old values of a customer who asked to be forgotten. */
export function clearJournal(db: DB): void {
  db.exec('DELETE FROM undo_step; DELETE FROM undo_command;');
}
