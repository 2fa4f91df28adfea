// What `dealer doctor` looks at. It opens the file without migrating it or writing to it, so it
// can examine a damaged or newer book.
import Database, { BUSY_MS } from './sqlite.js';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupsDir, listBackups } from './backup.js';
import { sideFiles } from './files.js';
import { readHeader } from './marks.js';
import { MIGRATIONS } from './migrations.js';
import { schemaProblems } from './schema.js';
import { cells, column, int } from './decode.js';
import { countRows } from './db.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export function isSqliteFile(path: string): boolean {
  return statSync(path).isFile() && readHeader(path).sqlite;
}

const octal = (m: number) => m.toString(8).padStart(3, '0');
const quoted = (path: string) => `'${path.replaceAll("'", "'\\''")}'`;

/** A mode check that names the chmod to run when others have bits they should not. */
function modeCheck(path: string, forbidden: number, fix: string): Check {
  const mode = statSync(path).mode & 0o777;
  const ok = (mode & forbidden) === 0;
  return { name: `mode ${path}`, ok, detail: ok ? octal(mode) : `${octal(mode)} (run: chmod ${fix} ${quoted(path)})` };
}

function modeChecks(book: string): Check[] {
  const checks: Check[] = [];
  for (const f of [book, `${book}-wal`, `${book}-shm`]) if (existsSync(f)) checks.push(modeCheck(f, 0o077, '600'));
  const dir = backupsDir(book);
  if (existsSync(dir)) {
    checks.push(modeCheck(dir, 0o077, '700'));
    for (const b of listBackups(book)) checks.push(modeCheck(b.path, 0o077, '600'));
  }
  // The book's folder may be one the user chose (their home): readable is their call, but a folder
  // others can write lets them replace the book or plant a link where SQLite writes its log.
  checks.push(modeCheck(dirname(book), 0o022, '700'));
  return checks;
}

/** Side files SQLite would follow through a link: doctor must not open the book through them. */
function linkedSideFiles(book: string): string[] {
  return sideFiles(book).filter((f) => {
    try {
      return !lstatSync(f).isFile();
    } catch {
      return false;
    }
  });
}

export interface Health {
  checks: Check[];
  counts: Record<string, number>;
  version: number;
  sound: boolean;
}

export function examine(book: string): Health {
  const checks: Check[] = [...modeChecks(book)];
  const counts: Record<string, number> = {};
  if (!isSqliteFile(book)) {
    checks.push({ name: 'sqlite', ok: false, detail: 'not an SQLite database' });
    return { checks, counts, version: 0, sound: false };
  }
  const linked = linkedSideFiles(book);
  if (linked.length) {
    checks.push({ name: 'side files', ok: false, detail: `not plain files (links?): ${linked.join(', ')}` });
    return { checks, counts, version: 0, sound: false };
  }
  const db = new Database(book, { fileMustExist: true, timeout: BUSY_MS });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    const problems = (() => {
      try {
        return column(db.pragma('integrity_check(20)'), 'integrity_check');
      } catch (e) {
        return [e instanceof Error ? e.message : String(e)];
      }
    })();
    const intact = problems.length === 1 && problems[0] === 'ok';
    const lines = problems.flatMap((p) => p.split('\n')).filter((l) => l && !l.startsWith('***'));
    const detail = intact
      ? 'ok'
      : `${lines.slice(0, 3).join('; ')}${lines.length > 3 ? ` (+${lines.length - 3})` : ''}`;
    checks.push({ name: 'integrity_check', ok: intact, detail });
    const broken = (() => {
      try {
        return cells(db.pragma('foreign_key_check')).length;
      } catch {
        return -1;
      }
    })();
    checks.push({
      name: 'foreign_key_check',
      ok: broken === 0,
      detail: broken < 0 ? 'could not run' : `${broken} broken link(s)`,
    });
    const journal = String(db.pragma('journal_mode', { simple: true }));
    checks.push({ name: 'journal_mode', ok: journal === 'wal', detail: journal });
    checks.push({ name: 'synchronous', ok: db.pragma('synchronous', { simple: true }) === 2, detail: 'FULL' });
    checks.push({ name: 'foreign_keys', ok: db.pragma('foreign_keys', { simple: true }) === 1, detail: 'on' });
    const version = int(db.pragma('user_version', { simple: true }), 'user_version');
    checks.push({
      name: 'schema',
      ok: version <= MIGRATIONS.length,
      detail: `${version} (this dealer: ${MIGRATIONS.length})`,
    });
    if (version <= MIGRATIONS.length) {
      const problems = schemaProblems(db, version);
      const detail = problems.length
        ? `${problems.slice(0, 4).join('; ')}${problems.length > 4 ? ` (+${problems.length - 4})` : ''}`
        : 'as expected';
      checks.push({ name: 'schema_match', ok: problems.length === 0, detail });
    }
    for (const table of ['prospect', 'contact', 'reminder', 'answer']) {
      try {
        counts[table] = countRows(db, table);
      } catch {
        // A damaged or foreign file may lack the table; the integrity check already says why.
      }
    }
    return { checks, counts, version, sound: checks.every((c) => c.ok) };
  } finally {
    db.close();
  }
}
