// What `dealer doctor` looks at. It opens the file without migrating it or writing to it, so it
// can examine a damaged or newer book.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupsDir, listBackups } from './backup.js';
import { MIGRATIONS } from './migrations.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export function isSqliteFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

function mode(path: string): number {
  return statSync(path).mode & 0o777;
}

const octal = (m: number) => m.toString(8).padStart(3, '0');

function modeChecks(book: string): Check[] {
  const checks: Check[] = [];
  for (const f of [book, `${book}-wal`, `${book}-shm`]) {
    if (existsSync(f)) checks.push({ name: `mode ${f}`, ok: (mode(f) & 0o077) === 0, detail: octal(mode(f)) });
  }
  const dir = backupsDir(book);
  if (existsSync(dir)) {
    checks.push({ name: `mode ${dir}`, ok: (mode(dir) & 0o077) === 0, detail: octal(mode(dir)) });
    for (const b of listBackups(book))
      checks.push({ name: `mode ${b.path}`, ok: (mode(b.path) & 0o077) === 0, detail: octal(mode(b.path)) });
  }
  checks.push({ name: `mode ${dirname(book)}`, ok: true, detail: octal(mode(dirname(book))) });
  return checks;
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
  const db = new Database(book, { fileMustExist: true, timeout: 5000 });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    const problems = (() => {
      try {
        return (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
      } catch (e) {
        return [(e as Error).message];
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
        return (db.pragma('foreign_key_check') as unknown[]).length;
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
    const version = db.pragma('user_version', { simple: true }) as number;
    checks.push({
      name: 'schema',
      ok: version <= MIGRATIONS.length,
      detail: `${version} (this dealer: ${MIGRATIONS.length})`,
    });
    for (const table of ['prospect', 'contact', 'reminder', 'answer']) {
      try {
        counts[table] = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      } catch {
        // A damaged or foreign file may lack the table; the integrity check already says why.
      }
    }
    return { checks, counts, version, sound: checks.every((c) => c.ok) };
  } finally {
    db.close();
  }
}
