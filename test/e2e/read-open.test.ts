// Reading commands open the book without changing it (issue 16): a current book keeps its bytes
// and modification time, no -wal or -shm is left beside it, and the mirror of its words is not
// rewritten. A book from an older dealer is brought up to date by the first command, reading or not.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../src/store/migrations.js';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
});
afterEach(() => s.cleanup());

const fingerprint = () => ({
  book: createHash('sha1').update(readFileSync(s.db)).digest('hex'),
  mtime: statSync(s.db, { bigint: true }).mtimeNs,
  mirror: readFileSync(`${s.db}-lang`, 'utf8'),
  sides: ['-wal', '-shm', '-journal'].filter((f) => existsSync(s.db + f)),
});

describe('a reading command', () => {
  it('leaves a current book exactly as it was', () => {
    s.ok(['add-prospect', 'Wang Lei', '--phone', '13800138000', '--next', '2026-03-02']);
    const before = fingerprint();
    expect(before.sides).toEqual([]);
    expect(s.ok(['today']).stdout).toContain('Wang Lei');
    s.ok(['list']);
    s.ok(['show', '1']);
    expect(fingerprint()).toEqual(before);
  });

  it('brings a book from an older dealer up to date, and shows it', () => {
    mkdirSync(dirname(s.db), { recursive: true });
    const old = new Database(s.db);
    old.pragma('journal_mode = WAL');
    migrate(old, MIGRATIONS.slice(0, MIGRATIONS.length - 1));
    old
      .prepare("INSERT INTO prospect (name, tier, stage, next_callback, created, updated) VALUES ('Li Na', 'A', 'new', '2026-03-02', '2026-03-01 09:00:00', '2026-03-01 09:00:00')")
      .run();
    old.close();
    expect(s.ok(['today']).stdout).toContain('Li Na');
    const check = new Database(s.db, { readonly: true, fileMustExist: true });
    expect(schemaVersion(check)).toBe(MIGRATIONS.length);
    check.close();
  });
});
