// better-sqlite3, with every native object it hands out kept reachable until the process exits.
//
// Why: better-sqlite3 12 wraps connections, statements, iterators and backups in node::ObjectWrap,
// and on Node 24.19+ an ObjectWrap finalised by a garbage collection that runs with no JavaScript
// context entered (an idle-time task, e.g. while a prompt waits for a key) aborts the process:
// "Assertion failed: (env) != nullptr" in RemoveEnvironmentCleanupHook. A dealer run is short and
// makes few of them, so holding them costs nothing; at exit Node frees them with its environment in
// place. better-sqlite3 13 fixes this but no longer runs on Node 20.
import Database from 'better-sqlite3';

const kept: unknown[] = [];

type Methods = Record<string, (...args: unknown[]) => unknown>;

/** Wraps `names` on `proto` so that whatever they return is kept. */
function keepResults(proto: Methods, names: string[]): void {
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
  const probe = new Database(':memory:');
  kept.push(probe);
  // The native connection sits behind a private symbol of the JS wrapper.
  const native = Object.getOwnPropertySymbols(probe)
    .map((s) => (probe as unknown as Record<symbol, unknown>)[s])
    .find((v) => typeof (v as { prepare?: unknown } | null)?.prepare === 'function');
  if (!native) return;
  keepResults(Object.getPrototypeOf(native) as Methods, ['prepare', 'backup']);
  keepResults(Object.getPrototypeOf(probe.prepare('SELECT 1')) as Methods, ['iterate']);
}

keepNativeObjects();

export default Database;
