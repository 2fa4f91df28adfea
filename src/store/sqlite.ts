// better-sqlite3, with every native object it hands out kept reachable until the process exits.
//
// Why: better-sqlite3 12 wraps connections, statements, iterators and backups in node::ObjectWrap,
// and on Node 24.19+ an ObjectWrap finalised by a garbage collection that runs with no JavaScript
// context entered (an idle-time task, e.g. while a prompt waits for a key) aborts the process:
// "Assertion failed: (env) != nullptr" in RemoveEnvironmentCleanupHook. A dealer run is short and
// makes few of them, so holding them costs nothing; at exit Node frees them with its environment in
// place. better-sqlite3 13 fixes this but no longer runs on Node 20.
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';

const kept: unknown[] = [];

type Native = { new (...args: unknown[]): object; prototype: Record<string, (...args: unknown[]) => unknown> };

/** Wraps `names` on `proto` so that whatever they return is kept. */
function keepResults(proto: Native['prototype'], names: string[]): void {
  for (const name of names) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const made = original.apply(this, args);
      kept.push(made);
      return made;
    };
  }
}

function keepNativeObjects(): void {
  // The addon better-sqlite3 loads itself: a native module is loaded once per process, so this is
  // the very object whose classes it constructs from.
  let addon: Record<string, Native>;
  try {
    const require = createRequire(import.meta.url);
    addon = require(require.resolve('better-sqlite3/build/Release/better_sqlite3.node')) as Record<string, Native>;
  } catch {
    return; // a build elsewhere (a custom nativeBinding): nothing to hold here
  }
  const Connection = addon.Database;
  if (!Connection || (Connection as unknown as { kept?: boolean }).kept) return;
  // A connection with no statement (opened and closed) must be held too: keep every one made.
  const held = function (...args: unknown[]) {
    const made = new Connection(...args);
    kept.push(made);
    return made;
  } as unknown as Native;
  held.prototype = Connection.prototype;
  (held as unknown as { kept: boolean }).kept = true;
  addon.Database = held;
  keepResults(Connection.prototype, ['prepare', 'backup']);
  if (addon.Statement) keepResults(addon.Statement.prototype, ['iterate']);
}

keepNativeObjects();

export default Database;

/** Every connection waits this long for another dealer's write to finish before giving up (SQLITE_BUSY). */
export const BUSY_MS = 5000;
