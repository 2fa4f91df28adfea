// Opening the book: a private file, the pragmas every connection needs, the schema brought up to
// date. All SQL lives under src/store; commands only call the functions exported here.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { DealerError } from '../domain/errors.js';
import { ensurePrivateFile } from './files.js';
import { migrate } from './migrations.js';

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

/**
 * Opens (creating when asked) the book at `path`. Reading commands pass `create: false`: on a fresh
 * machine they see an empty book and nothing is written to disk.
 */
export function openBook(path: string, opts: { create: boolean; beforeMigrate?: (db: DB, from: number) => void }): Book {
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
  migrate(db, undefined, opts.beforeMigrate && ((from) => opts.beforeMigrate!(db, from)));
  return { db, path, exists: true };
}

/**
 * Runs every write of a command in one BEGIN IMMEDIATE transaction: the write lock is taken up front,
 * so a read-then-write never fails half-way with SQLITE_BUSY_SNAPSHOT when another dealer writes.
 */
export function write<T>(db: DB, fn: () => T): T {
  return db.transaction(fn).immediate();
}
