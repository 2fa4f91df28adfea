// The book as `sqlite3 .dump` sees it, for comparing "before" and "after undo": the schema, then
// every table's rows with their rowids, in rowid order, sqlite_sequence included when present.
import Database from 'better-sqlite3';

type Db = InstanceType<typeof Database>;

export function dumpOf(db: Db): string {
  const schema = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string | null }[];
  const lines = schema.map((s) => `${s.type} ${s.name}: ${s.sql}`);
  for (const { name } of schema.filter((s) => s.type === 'table')) {
    for (const row of db.prepare(`SELECT rowid AS _rowid_, * FROM "${name}" ORDER BY rowid`).raw().all()) {
      lines.push(`${name} ${JSON.stringify(row)}`);
    }
  }
  return lines.join('\n');
}

/** Dumps the book in the file at `path` through a connection of its own. */
export function dumpFile(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return dumpOf(db);
  } finally {
    db.close();
  }
}
