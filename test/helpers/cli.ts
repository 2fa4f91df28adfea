// Runs the built CLI against a temporary book, with HOME and the XDG folders pointed at a temporary
// directory so no test can touch the user's real data.
//
// A run goes one of two ways, with the same argv, environment, working folder, stdout, stderr and
// exit code either way:
// - in process (the default): dist/cli.js evaluated afresh in a thread that keeps dealer's other
//   modules loaded (test/helpers/in-process.mjs). A node start costs ~100 ms of CPU; this costs a
//   few, and the suite makes well over a thousand runs.
// - as a child process, `node bin/dealer.js`: whenever the run depends on what only a process has
//   (standard input, a time zone, colour decided at start-up), when the sandbox or the run asks for
//   `binary: true`, and for every run when DEALER_TEST_BINARY=1 or under `npm run coverage`.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, SHARE_ENV, Worker, type MessagePort } from 'node:worker_threads';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'dealer.js');

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  /** Run `node bin/dealer.js` as a child process even where in-process would do. */
  binary?: boolean;
}

export interface Sandbox {
  dir: string;
  db: string;
  env: Record<string, string>;
  run(args: string[], opts?: RunOptions): Result;
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

let thread: { worker: Worker; port: MessagePort; flag: Int32Array } | undefined;

/** The thread that runs dealer in process: one per vitest worker, started on its first run. */
function inProcess() {
  if (thread) return thread;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(join(ROOT, 'test', 'helpers', 'in-process.mjs'), {
    workerData: { port: port2, flag, root: ROOT },
    transferList: [port2],
    env: SHARE_ENV,
  });
  worker.unref();
  return (thread = { worker, port: port1, flag });
}

/** Only a child process has these: its own standard input, time zone and start-up colour choice. */
function needsProcess(args: string[], env: Record<string, string>, input: string): boolean {
  return (
    input !== '' ||
    args.includes('-') ||
    env.TZ !== undefined ||
    env.NO_COLOR !== '1' ||
    env.FORCE_COLOR !== undefined ||
    process.env.DEALER_TEST_BINARY === '1' ||
    // Coverage is collected from the processes dealer runs in (test/coverage/provider.mjs): a thread's
    // would be lost.
    process.env.DEALER_CHILD_COVERAGE !== undefined
  );
}

/** One run in the thread, waited for synchronously, as spawnSync waits for a child. */
function runInProcess(args: string[], env: Record<string, string>, cwd: string): Result {
  const { port, flag } = inProcess();
  const back = process.cwd();
  // Relative paths in the arguments mean the sandbox, as for the child (cwd: dir); the thread
  // shares this process's working folder, and this thread waits while it runs.
  process.chdir(cwd);
  try {
    Atomics.store(flag, 0, 0);
    port.postMessage({ args, env, cwd });
    // A backstop for a hung run, as vitest's timeout is for a hung child: no verdict depends on it.
    if (Atomics.wait(flag, 0, 0, 120_000) === 'timed-out') {
      // Its answer would come to the next run: that run gets a new thread instead.
      void thread?.worker.terminate();
      thread = undefined;
      throw new Error(`dealer ${args.join(' ')}: no answer in process`);
    }
    const { leaked, ...result } = receiveMessageOnPort(port)!.message as Result & { leaked: string[] };
    // A file the run left open would be closed by a real process's exit: this must not differ.
    if (leaked.length > 0) throw new Error(`dealer ${args.join(' ')} left files open in process: ${leaked.join(', ')}`);
    return result;
  } finally {
    process.chdir(back);
  }
}

export function sandbox(now = '2026-03-02', options: { binary?: boolean } = {}): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'dealer-test-'));
  const db = join(dir, 'book', 'dealer.db');
  const env = { ...baseEnv(dir), DEALER_DB: db, DEALER_NOW: now };
  const run = (args: string[], opts: RunOptions = {}): Result => {
    const merged: Record<string, string> = { ...env };
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      if (v === undefined) delete merged[k];
      else merged[k] = v;
    }
    if (!(options.binary || opts.binary || needsProcess(args, merged, opts.input ?? ''))) return runInProcess(args, merged, dir);
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
