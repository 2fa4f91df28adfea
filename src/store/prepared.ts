// Compiled statements, kept per connection: preparing costs more than running a small statement,
// and an import runs the same few statements a hundred thousand times.
import type { Statement } from 'better-sqlite3';
import type { DB } from './db.js';

const cache = new WeakMap<DB, Map<string, Statement>>();

export function prepared(db: DB, sql: string): Statement {
  let mine = cache.get(db);
  if (!mine) cache.set(db, (mine = new Map()));
  let stmt = mine.get(sql);
  if (!stmt) mine.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}
