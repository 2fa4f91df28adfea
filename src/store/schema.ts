// The tables, indexes and triggers a book of a given schema version must have: the migrations
// replayed in an empty database in memory. A book with a table dropped passes SQLite's integrity
// check, yet every command that touches the table would fail half-way.
import Database from 'better-sqlite3';
import type { DB } from './db.js';
import { MIGRATIONS, migrate } from './migrations.js';

type SchemaRow = { type: string; name: string; sql: string | null };

const schemaOf = (db: DB) =>
  db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as SchemaRow[];

/** What is missing or different from the expected schema (`missing table contact`); empty: as expected. */
export function schemaProblems(db: DB, version = db.pragma('user_version', { simple: true }) as number): string[] {
  if (version > MIGRATIONS.length) return [];
  const expected = new Database(':memory:');
  try {
    migrate(expected, MIGRATIONS.slice(0, version));
    const have = new Map(schemaOf(db).map((r) => [`${r.type} ${r.name}`, r.sql]));
    const problems: string[] = [];
    for (const r of schemaOf(expected)) {
      const key = `${r.type} ${r.name}`;
      if (!have.has(key)) problems.push(`missing ${key}`);
      else if (have.get(key) !== r.sql) problems.push(`changed ${key}`);
    }
    return problems.sort((a, b) => Number(a.startsWith('changed')) - Number(b.startsWith('changed')));
  } finally {
    expected.close();
  }
}
