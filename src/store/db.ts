// Opening the book: a private file, the pragmas every connection needs, the schema brought up to
// date. All SQL lives under src/store; commands only call the functions exported here.
import type { Statement } from 'better-sqlite3';
import Database from './sqlite.js';
import { existsSync } from 'node:fs';
import { DealerError } from '../domain/errors.js';
import { ensurePrivateFile } from './files.js';
import { MIGRATIONS, migrate, schemaVersion } from './migrations.js';

export type DB = Database.Database;

export interface Book {
  db: DB;
  path: string;
  /** False when the file did not exist and a read-only command got an empty book in memory. */
  exists: boolean;
}

/** Waits this long for another dealer's write to finish before giving up (SQLITE_BUSY). */
const BUSY_MS = 5000;

function connect(path: string): DB {
  try {
    const db = new Database(path, { timeout: BUSY_MS });
    db.pragma('journal_mode = WAL');
    // FULL: a contact recorded is on disk when the command returns, even if power fails next.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Customer data is personal: deleted rows are overwritten with zeros, not left in free pages.
    db.pragma('secure_delete = ON');
    return db;
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') throw new DealerError('notADatabase', { path });
    if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_READONLY') {
      throw new DealerError('cannotOpen', { path });
    }
    throw e;
  }
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
  if (!opts.create && !existsSync(path)) {
    const db = new Database(':memory:');
    migrate(db);
    return { db, path, exists: false };
  }
  try {
    ensurePrivateFile(path);
  } catch {
    throw new DealerError('cannotOpen', { path });
  }
  const db = connect(path);
  const from = schemaVersion(db);
  if (
    from > 0 &&
    from < MIGRATIONS.length &&
    (db.prepare('SELECT count(*) FROM prospect').pluck().get() as number) > 0
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

/**
 * Runs every write of a command in one BEGIN IMMEDIATE transaction: the write lock is taken up front,
 * so a read-then-write never fails half-way with SQLITE_BUSY_SNAPSHOT when another dealer writes.
 * On a journaled connection the transaction is one entry of the undo journal.
 */
export function write<T>(db: DB, fn: () => T, opts: { journal?: boolean } = {}): T {
  const entry = opts.journal === false ? undefined : labels.get(db);
  return db
    .transaction(() => {
      const mark = entry?.journal.openEntry(db, entry.label, entry.at());
      const result = fn();
      if (mark !== undefined) entry!.journal.closeEntry(db, mark);
      return result;
    })
    .immediate();
}

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
