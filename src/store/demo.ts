// The sample book carries a mark in its SQLite header (application_id), so `dealer demo` replaces
// only a file it made itself — never a real book that happens to be called demo.db.
import Database from './sqlite.js';
import { existsSync, rmSync, statSync } from 'node:fs';
import { prepareBookFile } from './files.js';
import { isUnmarkedBook } from './schema.js';
import { DEMO_MARK, readHeader } from './marks.js';

/**
 * Creates the sample book's file with the mark already in its header, before any table: a demo
 * killed half-way leaves a file the next demo still recognises as its own.
 */
export function createDemoFile(path: string): void {
  prepareBookFile(path, { create: true, write: true, isUnmarkedBook });
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
  const st = statSync(path);
  if (!st.isFile()) return false;
  if (st.size === 0) return true;
  const h = readHeader(path);
  return h.sqlite && h.mark === DEMO_MARK;
}

/** Removes an old sample book and its side files (only after `replaceableDemo` said yes). */
export function removeDemo(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`, `${path}-checked`])
    rmSync(f, { force: true });
}
