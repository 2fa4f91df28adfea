// What a dealer book looks like: the tables and columns the migrations create. A file is a dealer
// book only when it has them all at its schema version; an SQLite file with a `prospect` table of
// its own is not.
import Database from 'better-sqlite3';
import type { DB } from './db.js';
import { MIGRATIONS, migrate, schemaVersion } from './migrations.js';

type Shape = Map<string, Set<string>>;

function shapeOf(db: DB): Shape {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const shape: Shape = new Map();
  for (const t of tables) {
    const cols = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[];
    shape.set(t, new Set(cols));
  }
  return shape;
}

const expected = new Map<number, Shape>();

/** The shape a book has at `version`, built by running the migrations on an empty database. */
function expectedShape(version: number): Shape {
  let shape = expected.get(version);
  if (!shape) {
    const db = new Database(':memory:');
    try {
      migrate(db, MIGRATIONS.slice(0, version));
      shape = shapeOf(db);
    } finally {
      db.close();
    }
    expected.set(version, shape);
  }
  return shape;
}

/**
 * Why `db` is not a dealer book this dealer can read ('version 0', 'no table contact',
 * 'no column prospect.phone'), or null when it is one. Extra tables and columns are allowed.
 */
export function schemaProblem(db: DB): string | null {
  const version = schemaVersion(db);
  if (version < 1 || version > MIGRATIONS.length) return `version ${version}`;
  const have = shapeOf(db);
  for (const [table, cols] of expectedShape(version)) {
    const got = have.get(table);
    if (!got) return `no table ${table}`;
    for (const c of cols) if (!got.has(c)) return `no column ${table}.${c}`;
  }
  return null;
}
