// better-sqlite3, with every statement kept reachable until the process exits.
//
// Why: better-sqlite3 12 wraps statements in node::ObjectWrap, and on Node 24.19+ an ObjectWrap
// finalised by an idle-time garbage collection (no JavaScript context entered, e.g. while a prompt
// waits for a key) aborts the process: "Assertion failed: (env) != nullptr" in
// RemoveEnvironmentCleanupHook. A dealer run is short and prepares few distinct statements, so
// holding them costs nothing; at exit Node frees them with its environment still in place.
// better-sqlite3 13 fixes this but no longer runs on Node 20.
import Database from 'better-sqlite3';

const kept: unknown[] = [];

function keepStatements(): void {
  const probe = new Database(':memory:');
  kept.push(probe);
  const native = Object.getOwnPropertySymbols(probe)
    .map((s) => (probe as unknown as Record<symbol, unknown>)[s])
    .find((v): v is { prepare: (...a: unknown[]) => unknown } => typeof (v as { prepare?: unknown })?.prepare === 'function');
  if (!native) return;
  const proto = Object.getPrototypeOf(native) as { prepare: (...a: unknown[]) => unknown };
  const prepare = proto.prepare;
  proto.prepare = function (this: unknown, ...args: unknown[]) {
    const statement = prepare.apply(this, args);
    kept.push(statement);
    return statement;
  };
}

keepStatements();

export default Database;
