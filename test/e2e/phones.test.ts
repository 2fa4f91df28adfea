// One phone, one customer: every spelling of a number finds the prospect already holding it,
// including numbers an older dealer stored in its own spelling; the numbering plans are loaded
// only for numbers that need them.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
});
afterEach(() => s.cleanup());

describe('add-prospect and phones', () => {
  it('refuses the same landline typed another way, and a number that is none, naming it (exit 2)', () => {
    s.ok(['add-prospect', 'Zhou Min', '--phone', '+86 (0)21 5555 0101']);
    const again = s.run(['add-prospect', 'Zhou Min 2', '--phone', '021-5555-0101']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^error: 021-5555-0101 already belongs to #1 Zhou Min/);
    s.ok(['add-prospect', 'Chan', '--phone', '852 9123 4567']);
    expect(s.run(['add-prospect', 'Chan 2', '--phone', '+852 9123 4567']).code).toBe(2);
    const bad = s.run(['add-prospect', 'Typo', '--phone', '138 0013 800']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: "138 0013 800" is not a phone number/);
  });

  it('matches numbers stored by the old normaliser', () => {
    s.ok(['add-prospect', 'Old Landline', '--phone', '+86 (0)21 5555 0101']);
    s.ok(['add-prospect', 'Old Hong Kong', '--phone', '852 9123 4567']);
    // What dealer's first normaliser stored for these two spellings.
    const db = new Database(s.db);
    db.prepare("UPDATE phone SET number = '+8602155550101' WHERE prospect_id = 1").run();
    db.prepare("UPDATE phone SET number = '+8685291234567' WHERE prospect_id = 2").run();
    db.close();
    expect(s.run(['add-prospect', 'New', '--phone', '021 5555 0101']).stderr).toMatch(/belongs to #1 /);
    expect(s.run(['add-prospect', 'New', '--phone', '+852 9123 4567']).stderr).toMatch(/belongs to #2 /);
  });

  it('import reads every spelling the same way: a landline already in the book is skipped', () => {
    s.ok(['add-prospect', 'Zhou Min', '--phone', '021-5555-0101']);
    const csv = join(s.dir, 'list.csv');
    writeFileSync(csv, 'name,phone\nZhou Min,+86 (0)21 5555 0101\nChan,852 9123 4567 转 8\n');
    const r = s.json<{ added: number; skipped: unknown[] }>(['import', 'prospects', csv]);
    expect(r).toMatchObject({ added: 1, skipped: [expect.anything()] });
    expect(s.run(['add-prospect', 'Chan', '--phone', '+852 9123 4567 ext. 8']).code).toBe(2);
    writeFileSync(csv, 'name,phone\nTypo,138 0013 800\n');
    const bad = s.run(['import', 'prospects', csv]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/line 2.*"138 0013 800" is not a phone number/);
  });

  it('loads the numbering plans only for a number that is not a plain mainland mobile', () => {
    const loads = (phone: string) => {
      const trace = join(s.dir, `trace-${phone.length}.txt`);
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          join(ROOT, 'test', 'helpers', 'trace-loads.mjs'),
          BIN,
          'add-prospect',
          'X',
          '--phone',
          phone,
          '--force',
        ],
        { env: { ...s.env, DEALER_TRACE_FILE: trace }, encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(trace, 'utf8').includes('libphonenumber-js');
    };
    expect(loads('+86 138 0013 8000')).toBe(false);
    expect(loads('021-5555-0101')).toBe(true);
  });
});
