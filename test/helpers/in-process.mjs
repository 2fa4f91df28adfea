// The thread behind test/helpers/cli.ts's in-process runs: it loads dealer's built modules once and
// then evaluates a fresh copy of dist/cli.js for each run, with that run's argv and environment,
// capturing what it writes and the exit code it sets. Plain JS, so vitest does not transform it:
// the modules are exactly the ones bin/dealer.js runs.
import { workerData } from 'node:worker_threads';
import { readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const { port, flag, root } = workerData;
const bin = join(root, 'bin', 'dealer.js');
const cli = pathToFileURL(join(root, 'dist', 'cli.js')).href;
let runs = 0;
let rejected;

// A failed run may leave a connection open (a statement still iterating): a process's exit would
// close it, so the run's end does here — else the file stays open and later runs find it locked.
const made = { connections: [], iterators: [], books: new Set() };
{
  const require = createRequire(join(root, 'package.json'));
  const addon = require(require.resolve('better-sqlite3/build/Release/better_sqlite3.node'));
  const Connection = addon.Database;
  const tracked = function (...args) {
    const connection = new Connection(...args);
    made.connections.push(connection);
    if (typeof args[0] === 'string') made.books.add(args[0]);
    return connection;
  };
  tracked.prototype = Connection.prototype;
  addon.Database = tracked;
  const iterate = addon.Statement.prototype.iterate;
  addon.Statement.prototype.iterate = function (...args) {
    const it = iterate.apply(this, args);
    made.iterators.push(it);
    return it;
  };
}

function closeLeftovers() {
  for (const it of made.iterators.splice(0)) {
    try {
      it.return();
    } catch {
      // already finished
    }
  }
  for (const connection of made.connections.splice(0)) {
    try {
      connection.close();
    } catch {
      // already closed
    }
  }
}

/**
 * The book's files a closed connection may still hold: SQLite defers closing a file while another
 * connection in the same process (a test's own, holding the book open on purpose) keeps a lock on
 * it, and closes it when that one lets go. A process's exit would differ in nothing that matters.
 */
function deferred() {
  const paths = new Set();
  for (const book of made.books) {
    for (const side of ['', '-wal', '-shm', '-journal']) {
      try {
        paths.add(realpathSync(`${book}${side}`));
      } catch {
        paths.add(`${book}${side}`);
      }
    }
  }
  made.books.clear();
  return paths;
}

/** Files this thread holds open (Linux); a run must not add any. */
function openFiles() {
  try {
    return new Set(
      readdirSync('/proc/self/fd').flatMap((fd) => {
        try {
          const to = readlinkSync(`/proc/self/fd/${fd}`);
          return to.startsWith('/') ? [`${fd} ${to}`] : [];
        } catch {
          return [];
        }
      }),
    );
  } catch {
    return new Set();
  }
}

class Exit extends Error {
  constructor(code) {
    super(`process.exit(${code})`);
    this.code = code;
  }
}

/** What a run adds to a shared emitter (cli.ts's EPIPE guard, a command's SIGINT handler) goes with it. */
function listenersOf() {
  const events = [
    [process, ['SIGINT', 'SIGTERM', 'exit', 'beforeExit']],
    [process.stdout, ['error', 'drain']],
    [process.stderr, ['error', 'drain']],
  ];
  const before = events.map(([em, names]) => names.map((n) => em.listeners(n)));
  return () =>
    events.forEach(([em, names], i) =>
      names.forEach((n, j) => {
        for (const l of em.listeners(n)) if (!before[i][j].includes(l)) em.removeListener(n, l);
      }),
    );
}

async function run({ args, env, cwd }) {
  const out = [];
  const err = [];
  const writes = [process.stdout.write, process.stderr.write, process.exit, process.cwd];
  const capture = (into) =>
    function (chunk, encoding, cb) {
      into.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk));
      const done = typeof encoding === 'function' ? encoding : cb;
      if (done) queueMicrotask(() => done());
      return true;
    };
  const held = openFiles();
  // The environment is shared with the test's process (SHARE_ENV), so that what reads the real
  // environment (os.homedir()) sees the run's; the test's own is put back after the run.
  const original = { ...process.env };
  for (const k of Object.keys(process.env)) delete process.env[k];
  Object.assign(process.env, env);
  // Never the real home: the book and settings must go to the sandbox.
  if (homedir() !== env.HOME) throw new Error(`the run would see HOME ${homedir()}, not ${env.HOME}`);
  process.argv = [process.execPath, bin, ...args];
  process.exitCode = undefined;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  // The test's process has moved into the sandbox for this run (relative paths in system calls);
  // a thread's process.cwd() may still hold the folder it saw last.
  process.cwd = () => cwd;
  process.exit = (code) => {
    throw new Exit(code ?? process.exitCode ?? 0);
  };
  const restore = listenersOf();
  let code;
  try {
    await import(`${cli}?run=${++runs}`);
    // What the run left on the event loop still finishes before a real process exits.
    await new Promise((r) => setImmediate(r));
    code = Number(process.exitCode ?? 0);
    if (rejected !== undefined) throw rejected;
  } catch (e) {
    if (e instanceof Exit) code = Number(e.code);
    else {
      // As Node reports an uncaught error: its stack on stderr, exit 1.
      err.push(Buffer.from(`${e?.stack ?? e}\n`));
      code = 1;
    }
  } finally {
    rejected = undefined;
    [process.stdout.write, process.stderr.write, process.exit, process.cwd] = writes;
    process.exitCode = undefined;
    restore();
    closeLeftovers();
    for (const k of Object.keys(process.env)) delete process.env[k];
    Object.assign(process.env, original);
  }
  const books = deferred();
  const leaked = [...openFiles()].filter((f) => !held.has(f) && !books.has(f.slice(f.indexOf(' ') + 1)));
  return {
    code,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
    leaked,
  };
}

// A rejection nobody awaited ends a real dealer with exit 1: it fails the run it happened in.
process.on('unhandledRejection', (e) => {
  rejected ??= e;
});

port.on('message', async (request) => {
  let reply;
  try {
    reply = await run(request);
  } catch (e) {
    reply = { code: 1, stdout: '', stderr: `in-process runner: ${e?.stack ?? e}\n`, leaked: [] };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
