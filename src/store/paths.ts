// Where dealer keeps the book — the platform's per-user data folder unless told otherwise — and how
// a stamp beside it recognises the file. Start-up needs only this to find the book's mirror
// (lang-file.ts), so it stays free of everything else files.ts does.
import { closeSync, constants, fchmodSync, fstatSync, ftruncateSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

type Env = Record<string, string | undefined>;

/** An XDG variable counts only when absolute: the spec says a relative one is invalid and ignored. */
const xdg = (value: string | undefined): string | undefined => (value && isAbsolute(value) ? value : undefined);

export function dataDir(env: Env = process.env, platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'dealer');
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'dealer');
  return join(xdg(env.XDG_DATA_HOME) ?? join(homedir(), '.local', 'share'), 'dealer');
}

export function configDir(env: Env = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'dealer');
  return join(xdg(env.XDG_CONFIG_HOME) ?? join(homedir(), '.config'), 'dealer');
}

/** --db, else DEALER_DB, else dealer.db in the data folder. */
export function bookPath(flag: string | undefined, env: Env = process.env): string {
  return flag || env.DEALER_DB || join(dataDir(env), 'dealer.db');
}

/**
 * The file's identity, size and modification time, or undefined when there is no file: what a
 * stamp beside the book compares to know the book is the file it was when the stamp was written.
 */
export function fileSignature(path: string): string | undefined {
  try {
    const st = statSync(path, { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}`;
  } catch {
    return undefined;
  }
}

/**
 * A small side file's text (the mirror, the checked stamp), or undefined when it is not a small
 * regular file of its own. Such a file is only a hint, and anyone who can write the folder can put
 * something else there: a FIFO hung every command, a link to /dev/zero read gigabytes before help.
 */
export function readSideFile(path: string, max = 4096): string | undefined {
  let fd: number | undefined;
  try {
    const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = constants;
    fd = openSync(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > max) return undefined;
    const buf = Buffer.alloc(st.size);
    const got = readSync(fd, buf, 0, st.size, 0);
    return buf.toString('utf8', 0, got);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes a side file, owner-only, only if it is (or becomes) a regular file: never through a link
 * (a planted link would have dealer overwrite its target), never blocking on a FIFO. Only a hint:
 * false when it could not be written, and the next run does without it.
 */
export function writeSideFile(path: string, text: string): boolean {
  let fd: number | undefined;
  try {
    const { O_CREAT, O_NOFOLLOW, O_NONBLOCK, O_WRONLY } = constants;
    fd = openSync(path, O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_WRONLY, 0o600);
    if (!fstatSync(fd).isFile()) return false;
    fchmodSync(fd, 0o600);
    ftruncateSync(fd);
    writeSync(fd, text);
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
