// Where dealer keeps its files — the platform's per-user data folder unless told otherwise — and
// how it creates them: customer data is personal, so every file it writes is readable by its owner
// only, whatever the umask, and every folder it creates is private too.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

type Env = Record<string, string | undefined>;

export function dataDir(env: Env = process.env, platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'dealer');
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'dealer');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'dealer');
}

export function configDir(env: Env = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'dealer');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'dealer');
}

/** --db, else DEALER_DB, else dealer.db in the data folder. */
export function bookPath(flag: string | undefined, env: Env = process.env): string {
  return flag || env.DEALER_DB || join(dataDir(env), 'dealer.db');
}

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
