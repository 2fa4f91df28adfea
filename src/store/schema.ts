// What a dealer book looks like at a schema version: the migrations replayed in an empty database in
// memory. Two questions are asked of it. Is a file a dealer book at all (restore: an SQLite file
// with a `prospect` table of its own is not)? And is a book whole (doctor and writes: a table dropped
// passes SQLite's integrity check, yet every command touching it would fail half-way)?
import Database from './sqlite.js';
import type { DB } from './db.js';
import { MIGRATIONS, migrate, schemaVersion } from './migrations.js';
import { fields, text, textOrNull } from './decode.js';

type SchemaRow = { type: string; name: string; sql: string | null };

const schemaOf = (db: DB) =>
  db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all()
    .map((row): SchemaRow => {
      const r = fields(row, 'sqlite_master');
      return { type: text(r.type, 'type'), name: text(r.name, 'name'), sql: textOrNull(r.sql, 'sql') };
    });

const columnsOf = (db: DB, table: string) =>
  new Set(
    db
      .prepare('SELECT name FROM pragma_table_info(?)')
      .pluck()
      .all(table)
      .map((n) => text(n, 'name')),
  );

const expected = new Map<number, { rows: SchemaRow[]; columns: Map<string, Set<string>> }>();

/** The expected schema at `version`, built once per run. */
function expectedAt(version: number) {
  let found = expected.get(version);
  if (!found) {
    const db = new Database(':memory:');
    try {
      migrate(db, MIGRATIONS.slice(0, version));
      const rows = schemaOf(db);
      const columns = new Map(rows.filter((r) => r.type === 'table').map((r) => [r.name, columnsOf(db, r.name)]));
      found = { rows, columns };
    } finally {
      db.close();
    }
    expected.set(version, found);
  }
  return found;
}

/**
 * Why `db` is not a dealer book this dealer can read ('version 0', 'no table contact',
 * 'no column prospect.phone'), or null when it is one. Extra tables and columns are allowed.
 */
export function schemaProblem(db: DB): string | null {
  const version = schemaVersion(db);
  if (version < 1 || version > MIGRATIONS.length) return `version ${version}`;
  for (const [table, cols] of expectedAt(version).columns) {
    const have = columnsOf(db, table);
    if (have.size === 0) return `no table ${table}`;
    for (const c of cols) if (!have.has(c)) return `no column ${table}.${c}`;
  }
  return null;
}

/** What is missing or different from the expected schema (`missing table contact`); empty: as expected. */
export function schemaProblems(db: DB, version = schemaVersion(db)): string[] {
  if (version > MIGRATIONS.length) return [];
  const have = new Map(schemaOf(db).map((r) => [`${r.type} ${r.name}`, r.sql]));
  const problems: string[] = [];
  for (const r of expectedAt(version).rows) {
    const key = `${r.type} ${r.name}`;
    if (!have.has(key)) problems.push(`missing ${key}`);
    else if (have.get(key) !== r.sql) problems.push(`changed ${key}`);
  }
  return problems.sort((a, b) => Number(a.startsWith('changed')) - Number(b.startsWith('changed')));
}

/**
 * Whether an unmarked SQLite file with a schema version is a dealer book from before books were
 * marked, asked read-only so a stranger's database is not changed by the asking. A version newer
 * than this dealer knows counts as a book when it has dealer's core tables (a newer dealer's).
 */
export function isUnmarkedBook(path: string): boolean {
  let db: DB | undefined;
  try {
    const book = new Database(path, { readonly: true, fileMustExist: true });
    db = book;
    const version = schemaVersion(book);
    if (version > MIGRATIONS.length)
      return ['prospect', 'contact', 'reminder'].every((t) => columnsOf(book, t).size > 0);
    return schemaProblem(db) === null;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
