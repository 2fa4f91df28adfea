// Forgetting a customer beyond the book: every name, number and WeChat id they were ever known by,
// the backups and interrupted-backup leftovers that still hold any of them, and scrubbing them out.
import Database, { BUSY_MS } from './sqlite.js';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupsDir, listBackups } from './backup.js';
import type { DB } from './db.js';
import { cells, fields, int } from './decode.js';
import { alive } from '../system/pid.js';

export interface Identity {
  id: number;
  names: string[];
  /** As typed (the prospect's phone column) and normalised (the phone table). */
  phones: string[];
  wechats: string[];
}

const strings = (values: unknown[]) => [
  ...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '')),
];

const hasTable = (db: DB, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/**
 * What the book has known the prospect as: the rows now, and the old values the undo journal keeps
 * of every edit (an old name, a number replaced). Read it before the prospect is deleted.
 */
export function identityOf(db: DB, id: number): Identity {
  const row = db.prepare('SELECT name, phone, wechat FROM prospect WHERE id = ?').get(id);
  const now = row === undefined ? undefined : fields(row, 'prospect');
  const numbers = db.prepare('SELECT number FROM phone WHERE prospect_id = ?').pluck().all(id);
  const past = hasTable(db, 'undo_step')
    ? db
        .prepare(
          `SELECT json_extract(old, '$.name') AS name, json_extract(old, '$.phone') AS phone,
                  json_extract(old, '$.wechat') AS wechat, json_extract(old, '$.number') AS number
           FROM undo_step
           WHERE (tbl = 'prospect' AND row = ?) OR (tbl = 'phone' AND json_extract(old, '$.prospect_id') = ?)`,
        )
        .all(id, id)
        .map((r) => fields(r, 'undo_step'))
    : [];
  return {
    id,
    names: strings([now?.name, ...past.map((p) => p.name)]),
    phones: strings([now?.phone, ...numbers, ...past.flatMap((p) => [p.phone, p.number])]),
    wechats: strings([now?.wechat, ...past.map((p) => p.wechat)]),
  };
}

/** The person's values as statement parameters: each list is one JSON array, read with json_each. */
const params = (who: Identity) => ({
  id: who.id,
  names: JSON.stringify(who.names),
  phones: JSON.stringify(who.phones),
  wechats: JSON.stringify(who.wechats),
});
const NAMES = '(SELECT value FROM json_each(@names))';
const PHONES = '(SELECT value FROM json_each(@phones))';
const WECHATS = '(SELECT value FROM json_each(@wechats))';

/**
 * The prospects in another book that are this person: the same id under any name they had (ids are
 * never reused across a book's copies), or any of their numbers or WeChat ids. A name alone is not
 * enough: two customers may share one.
 */
function matchesIn(db: DB, who: Identity): number[] {
  return db
    .prepare(
      `SELECT id FROM prospect
       WHERE (id = @id AND name IN ${NAMES}) OR phone IN ${PHONES} OR wechat IN ${WECHATS}
          OR id IN (SELECT prospect_id FROM phone WHERE number IN ${PHONES})`,
    )
    .pluck()
    .all(params(who))
    .map((id) => int(id, 'prospect.id'));
}

/** Old values of this person in the undo journal of another book, though the rows may be gone. */
function inJournal(db: DB, who: Identity): boolean {
  if (!hasTable(db, 'undo_step')) return false;
  return (
    db
      .prepare(
        `SELECT 1 FROM undo_step
         WHERE (tbl = 'prospect' AND row = @id AND json_extract(old, '$.name') IN ${NAMES})
            OR json_extract(old, '$.phone') IN ${PHONES}
            OR json_extract(old, '$.number') IN ${PHONES}
            OR json_extract(old, '$.wechat') IN ${WECHATS}
         LIMIT 1`,
      )
      .get(params(who)) !== undefined
  );
}

export interface Holding {
  path: string;
  /** A temporary file an interrupted backup left: scrubbing deletes it whole. */
  leftover: boolean;
}


/** `.dealer-....db.<pid>.tmp` files whose dealer is gone (killed mid-backup). */
function staleLeftovers(book: string): string[] {
  const dir = backupsDir(book);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => {
      const m = /^\..+\.(\d+)\.tmp$/.exec(f);
      return m !== null && !alive(Number(m[1]));
    })
    .map((f) => join(dir, f));
}

/** Does the file at `path` hold the person? Unreadable: it may, so yes. */
function holds(path: string, who: Identity): boolean {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return matchesIn(db, who).length > 0 || inJournal(db, who);
    } finally {
      db.close();
    }
  } catch {
    return true;
  }
}

/** Every backup beside the book, and every stale leftover in its backups folder, holding the person. */
export function backupsHolding(book: string, who: Identity): Holding[] {
  return [
    ...listBackups(book).map((b) => ({ path: b.path, leftover: false })),
    ...staleLeftovers(book).map((path) => ({ path, leftover: true })),
  ].filter((h) => holds(h.path, who));
}

/**
 * Removes the person from one backup: their rows (the links to them cascade or are cleared), the
 * whole undo journal (it may hold their old values), then VACUUM so no free page keeps a byte of
 * them. A leftover is deleted whole, with its rollback journal. False when the file could not be
 * changed (read-only, damaged): the caller names it.
 */
export function scrubBackup(h: Holding, who: Identity): boolean {
  if (h.leftover) {
    for (const f of [h.path, `${h.path}-journal`]) rmSync(f, { force: true });
    return true;
  }
  try {
    const db = new Database(h.path, { fileMustExist: true, timeout: BUSY_MS });
    try {
      db.pragma('foreign_keys = ON');
      db.pragma('secure_delete = ON');
      db.transaction(() => {
        if (hasTable(db, 'undo_step')) db.exec('DELETE FROM undo_step; DELETE FROM undo_command;');
        const del = db.prepare('DELETE FROM prospect WHERE id = ?');
        for (const id of matchesIn(db, who)) del.run(id);
      }).immediate();
      db.exec('VACUUM');
      return !holds(h.path, who);
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/**
 * After a forget: VACUUM rebuilds the file without the free pages older deletes left, then the
 * write-ahead log, which held old page images, is emptied. Either fails when another dealer reads.
 */
export function compact(db: DB): { logCleared: boolean } {
  let vacuumed = true;
  try {
    db.exec('VACUUM');
  } catch {
    vacuumed = false; // another dealer is reading: the rows are still zeroed
  }
  const [cp] = cells(db.pragma('wal_checkpoint(TRUNCATE)'), 'wal_checkpoint');
  return { logCleared: vacuumed && cp !== undefined && fields(cp, 'wal_checkpoint').busy === 0 };
}
