// Runs the built bin/dealer.js as a child process against a temporary book, with HOME and the XDG
// folders pointed at a temporary directory so no test can touch the user's real data.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'dealer.js');

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Sandbox {
  dir: string;
  db: string;
  env: Record<string, string>;
  run(args: string[], opts?: { env?: Record<string, string | undefined>; input?: string }): Result;
  json<T = unknown>(args: string[], opts?: { env?: Record<string, string | undefined> }): T;
  /** Runs a command that must succeed; throws with its stderr otherwise. */
  ok(args: string[], env?: Record<string, string | undefined>): Result;
  cleanup(): void;
}

/** A clean environment: no inherited DEALER_*, LANG fixed to English unless a test says otherwise. */
function baseEnv(dir: string): Record<string, string> {
  const keep = ['PATH', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP'];
  const env: Record<string, string> = {};
  for (const k of keep) if (process.env[k]) env[k] = process.env[k]!;
  // Under `npm run coverage`, each child writes its V8 coverage for test/coverage/provider.mjs.
  if (process.env.DEALER_CHILD_COVERAGE) env.NODE_V8_COVERAGE = process.env.DEALER_CHILD_COVERAGE;
  return {
    ...env,
    HOME: join(dir, 'home'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    LANG: 'C',
    NO_COLOR: '1',
  };
}

export function sandbox(now = '2026-03-02'): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'dealer-test-'));
  const db = join(dir, 'book', 'dealer.db');
  const env = { ...baseEnv(dir), DEALER_DB: db, DEALER_NOW: now };
  const run = (args: string[], opts: { env?: Record<string, string | undefined>; input?: string } = {}): Result => {
    const merged: Record<string, string> = { ...env };
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      if (v === undefined) delete merged[k];
      else merged[k] = v;
    }
    const spawnOpts: SpawnSyncOptions = { env: merged, encoding: 'utf8', input: opts.input ?? '', cwd: dir };
    const r = spawnSync(process.execPath, [BIN, ...args], spawnOpts);
    return { code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
  };
  return {
    dir,
    db,
    env,
    run,
    json<T>(args: string[], opts = {}) {
      const r = run([...args, '--json'], opts);
      if (r.code !== 0) throw new Error(`dealer ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    },
    ok(args, env) {
      const r = run(args, { env });
      if (r.code !== 0) throw new Error(`dealer ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
      return r;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
