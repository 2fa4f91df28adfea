// Opening the book: a private file, the pragmas every connection needs, the schema brought up to
// date. All SQL lives under src/store; commands only call the functions exported here.
import type { Statement } from 'better-sqlite3';
import Database, { BUSY_MS } from './sqlite.js';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DealerError, errorCode, usage } from '../domain/errors.js';
import { int } from './decode.js';
import { asDealerError } from './errors.js';
import { hasPendingLog, prepareBookFile } from './files.js';
import { isUnmarkedBook } from './schema.js';
import { MIGRATIONS, migrate, schemaVersion } from './migrations.js';

export type DB = Database.Database;

export interface Book {
  db: DB;
  path: string;
  /** False when the file did not exist and a read-only command got an empty book in memory. */
  exists: boolean;
  /** The book could only be read (a 0400 file, a read-only folder): reading commands still work. */
  readOnly?: boolean;
}


/** What a connection that writes needs; one opened to read gets it at its first write, if any. */
function writingPragmas(db: DB): void {
  // FULL: a contact recorded is on disk when the command returns, even if power fails next.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Customer data is personal: deleted rows are overwritten with zeros, not left in free pages.
  db.pragma('secure_delete = ON');
}

/** Connections opened by a reading command, until they write after all (a calendar export). */
const reading = new WeakSet<DB>();

function connect(path: string, readonly = false): DB {
  try {
    // The file exists (prepareBookFile made or checked it): SQLite must not create one 0644.
    const db = new Database(path, { timeout: BUSY_MS, fileMustExist: true, readonly });
    if (readonly) db.pragma('foreign_keys = ON');
    else {
      db.pragma('journal_mode = WAL');
      writingPragmas(db);
    }
    return db;
  } catch (e) {
    if (errorCode(e) === 'SQLITE_NOTADB') throw new DealerError('notADatabase', { path });
    throw asDealerError(e, path);
  }
}

/**
 * A current book opened by a reading command: no journal mode to set (a current book is in WAL
 * mode already), no migration to run, no pragmas for writing. The connection is read-write all the
 * same, so that closing it removes the -wal and -shm SQLite makes for a read (a read-only one
 * leaves them behind), and so that the rare reading command that remembers something (a calendar
 * export) can. Undefined when the book is not current after all (a -wal holding a newer schema
 * than the header says).
 */
function connectForReading(path: string): DB | undefined {
  try {
    const db = new Database(path, { timeout: BUSY_MS, fileMustExist: true });
    if (schemaVersion(db) === MIGRATIONS.length) {
      reading.add(db);
      return db;
    }
    db.close();
    return undefined;
  } catch (e) {
    if (errorCode(e) === 'SQLITE_NOTADB') throw new DealerError('notADatabase', { path });
    throw asDealerError(e, path);
  }
}

/**
 * A book this user may only read. SQLite opens it read-only when it can create or use the -shm
 * beside it; in a read-only folder it cannot (better-sqlite3 has no URI filenames, so no
 * `immutable=1`), and the reading commands work on a copy in memory instead — unless a -wal holds
 * pages the copy would miss.
 */
function connectReadOnly(path: string): DB {
  try {
    const db = connect(path, true);
    // The open is lazy: the first read is what needs the -shm.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (schemaVersion(db) === MIGRATIONS.length) return db;
    db.close(); // an older schema: upgraded in the copy, the file left as it is
  } catch (e) {
    // SQLite's own error when the first read is what fails: said in dealer's words to be judged.
    const said = asDealerError(e, path);
    if (!(said instanceof DealerError && ['readOnlyFolder', 'readOnlyBook', 'cannotOpen'].includes(said.code)))
      throw said;
  }
  if (hasPendingLog(path)) throw new DealerError('readOnlyFolder', { path: dirname(path) });
  const image = readFileSync(path);
  // Bytes 18-19 say "WAL"; a database in memory cannot use a log, so read it as a rollback file.
  if (image.length >= 20) image[18] = image[19] = 1;
  const db = new Database(image);
  db.pragma('foreign_keys = ON');
  return db;
}

type Journal = typeof import('./journal.js');

/** What each connection's writes are journaled as (`dealer undo` shows it); none: not journaled. */
const labels = new WeakMap<DB, { label: string; at: () => string; journal: Journal }>();

/** Automatic backups kept before schema upgrades. */
const KEEP_UPGRADE_BACKUPS = 5;

/**
 * Opens (creating when asked) the book at `path`. Reading commands pass `create: false`: on a fresh
 * machine they see an empty book and nothing is written to disk. Before a schema upgrade of a
 * book that holds prospects, a backup is taken beside it.
 */
export async function openBook(
  path: string,
  opts: { create: boolean; journal?: { label: string; at: () => string }; now?: Date },
): Promise<Book> {
  const found = (() => {
    try {
      return prepareBookFile(path, { create: opts.create, write: opts.create, isUnmarkedBook });
    } catch (e) {
      // A folder in the way, no permission to look: the book cannot be opened there.
      if (e instanceof DealerError) throw e;
      // A file where a folder of the path should be: a path typed wrong, as a folder given as the book is.
      if (errorCode(e) === 'ENOTDIR') throw usage('fsNotFolder', { path });
      throw new DealerError('cannotOpen', { path });
    }
  })();
  if (found.kind === 'missing') {
    const db = new Database(':memory:');
    migrate(db);
    return { db, path, exists: false };
  }
  if (!opts.create && !found.writable) {
    const db = connectReadOnly(path);
    migrate(db);
    return { db, path, exists: true, readOnly: true };
  }
  if (!opts.create && found.version === MIGRATIONS.length) {
    const db = connectForReading(path);
    if (db) return { db, path, exists: true };
  }
  const db = connect(path);
  const from = schemaVersion(db);
  if (
    from > 0 &&
    from < MIGRATIONS.length &&
    countRows(db, 'prospect') > 0
  ) {
    const { backupTo, pruneBackups } = await import('./backup.js');
    const { backupSlot } = await import('./target.js');
    const prefix = `before-v${MIGRATIONS.length}`;
    await backupTo(db, backupSlot(path, prefix, opts.now ?? new Date()));
    pruneBackups(path, prefix, KEEP_UPGRADE_BACKUPS);
  }
  migrate(db);
  // Loaded only by commands that write: reading commands start faster without it.
  if (opts.journal) labels.set(db, { ...opts.journal, journal: await import('./journal.js') });
  return { db, path, exists: true };
}

// The settings rows: a run needs them several times (language, trade, goal, cadences), so they are
// read once per connection and forgotten by the next write, which may be what changes them.
const remembered = new WeakMap<DB, Record<string, string>>();

export function settingsOnce(db: DB, read: () => Record<string, string>): Record<string, string> {
  let rows = remembered.get(db);
  if (!rows) remembered.set(db, (rows = read()));
  return rows;
}

export const forgetSettings = (db: DB) => void remembered.delete(db);

/**
 * Runs every write of a command in one BEGIN IMMEDIATE transaction: the write lock is taken up front,
 * so a read-then-write never fails half-way with SQLITE_BUSY_SNAPSHOT when another dealer writes.
 * On a journaled connection the transaction is one entry of the undo journal; `label` names it when
 * one command makes several (`today --work` is one entry per prospect, each undone on its own).
 */
export function write<T>(db: DB, fn: () => T, opts: { journal?: boolean; label?: string } = {}): T {
  const entry = opts.journal === false ? undefined : labels.get(db);
  forgetSettings(db);
  if (reading.delete(db)) writingPragmas(db);
  try {
    return db
      .transaction(() => {
        const mark = entry?.journal.openEntry(db, opts.label ?? entry.label, entry.at());
        const result = fn();
        if (entry && mark !== undefined) entry.journal.closeEntry(db, mark);
        return result;
      })
      .immediate();
  } catch (e) {
    throw asDealerError(e, db.name);
  } finally {
    forgetSettings(db);
  }
}

/** A fixed vocabulary (stages, tiers) as an SQL list: the words come from the domain, never typed twice. */
export const sqlList = (words: readonly string[]) => words.map((w) => `'${w}'`).join(', ');

// Compiled statements, kept per connection: preparing costs more than running a small statement,
// and an import runs the same few statements a hundred thousand times.
const statements = new WeakMap<DB, Map<string, Statement>>();

export function prepared(db: DB, sql: string): Statement {
  let mine = statements.get(db);
  if (!mine) statements.set(db, (mine = new Map()));
  let stmt = mine.get(sql);
  if (!stmt) mine.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

/** How many rows a table holds (its name is dealer's own, never typed). */
export function countRows(db: DB, table: string): number {
  return int(prepared(db, `SELECT count(*) FROM ${table}`).pluck().get(), 'count');
}

/** Rows that may refer to each other in any order (an import's referred_by): links checked at commit. */
export function deferForeignKeys(db: DB): void {
  db.pragma('defer_foreign_keys = ON');
}

/** Runs `fn` in a transaction that is always rolled back: a plan against the book as it is. */
export function rehearse<T>(db: DB, fn: () => T): T {
  if (reading.delete(db)) writingPragmas(db);
  db.exec('BEGIN');
  try {
    return fn();
  } finally {
    db.exec('ROLLBACK');
    forgetSettings(db);
  }
}
