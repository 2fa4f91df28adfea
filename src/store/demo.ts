// The sample book carries a mark in its SQLite header (application_id), so `dealer demo` replaces
// only a file it made itself — never a real book that happens to be called demo.db.
import Database from './sqlite.js';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { prepareBookFile } from './files.js';

/** "DEMO" in ASCII. */
const DEMO_MARK = 0x44454d4f;
/** Where SQLite keeps application_id in the file header (big-endian). */
const MARK_OFFSET = 68;

/**
 * Creates the sample book's file with the mark already in its header, before any table: a demo
 * killed half-way leaves a file the next demo still recognises as its own.
 */
export function createDemoFile(path: string): void {
  prepareBookFile(path, { create: true, write: true });
  const db = new Database(path);
  try {
    db.pragma(`application_id = ${DEMO_MARK}`);
  } finally {
    db.close();
  }
}

/**
 * Whether `path` may be replaced by a new sample book: absent, empty, or marked as a sample book.
 * Only the header bytes are read: an unknown file is never opened by SQLite, let alone written.
 */
export function replaceableDemo(path: string): boolean {
  if (!existsSync(path)) return true;
  if (!statSync(path).isFile()) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(MARK_OFFSET + 4);
    const got = readSync(fd, head, 0, head.length, 0);
    if (got === 0) return true;
    return (
      got === head.length &&
      head.toString('latin1', 0, 16) === 'SQLite format 3\0' &&
      head.readUInt32BE(MARK_OFFSET) === DEMO_MARK
    );
  } finally {
    closeSync(fd);
  }
}

/** Removes an old sample book and its side files (only after `replaceableDemo` said yes). */
export function removeDemo(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`, `${path}-checked`])
    rmSync(f, { force: true });
}
