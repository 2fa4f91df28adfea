// Where dealer keeps its files when the user has not said: the platform's per-user data folder.
import { homedir } from 'node:os';
import { join } from 'node:path';

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
