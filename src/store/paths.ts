// Where dealer keeps the book — the platform's per-user data folder unless told otherwise — and how
// a stamp beside it recognises the file. Start-up needs only this to find the book's mirror
// (lang-file.ts), so it stays free of everything else files.ts does.
import { statSync } from 'node:fs';
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
