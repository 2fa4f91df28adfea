// Customer data is personal: every file dealer writes is readable by its owner only, whatever the
// umask, and every folder it creates is private too.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Creates the folder (and parents) owner-only; an existing folder is left as the user made it. */
export function ensurePrivateDir(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Tightens a file that is readable by group or others (an older copy, a careless cp). */
export function tighten(path: string): void {
  try {
    if (statSync(path).mode & 0o077) chmodSync(path, 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/**
 * Creates the file 0600 before SQLite opens it: SQLite gives its -wal and -shm files the mode of
 * the database file, so they are private from the first byte.
 */
export function ensurePrivateFile(path: string): void {
  ensurePrivateDir(dirname(path));
  closeSync(openSync(path, 'a', 0o600));
  for (const p of [path, `${path}-wal`, `${path}-shm`]) tighten(p);
}
