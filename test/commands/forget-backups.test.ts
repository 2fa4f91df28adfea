// forget on a terminal: after the customer is gone from the book, it offers to scrub the backups
// that still hold them, and does only what was answered.
import Database from 'better-sqlite3';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addProspect } from '../../src/commands/add-prospect.js';
import { forget } from '../../src/commands/forget.js';
import { backupTo } from '../../src/store/backup.js';
import { testContext } from '../helpers/context.js';

let cleanup = () => {};
afterEach(() => cleanup());

async function withBackup(answers: boolean[]) {
  const t = testContext({ interactive: true, answers });
  cleanup = t.cleanup;
  await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000', tier: 'C' });
  await addProspect(t.ctx, 'Li Na', { phone: '13900139000', tier: 'C' });
  const backup = join(dirname(t.ctx.dbPath), 'backups', 'dealer-20260301-090000.db');
  const { db } = await t.ctx.open('read');
  await backupTo(db, backup);
  db.close();
  const names = () => {
    const copy = new Database(backup, { readonly: true });
    try {
      return copy.prepare('SELECT name FROM prospect ORDER BY id').pluck().all();
    } finally {
      copy.close();
    }
  };
  return { ...t, backup, names };
}

describe('forget offers to scrub the backups', () => {
  it('yes: the customer leaves the backup too, the others stay', async () => {
    const t = await withBackup([true, true]);
    const r = await forget(t.ctx, '1', {});
    expect(t.ask.asked[1]).toMatch(/1 backup\(s\) still hold them/);
    expect(r).toMatchObject({ backups: [t.backup], scrubbed: [t.backup] });
    expect(t.names()).toEqual(['Li Na']);
  });

  it('no: the backup is named and left as it was', async () => {
    const t = await withBackup([true, false]);
    const r = await forget(t.ctx, '1', {});
    expect(r).toMatchObject({ backups: [t.backup], scrubbed: [] });
    expect(t.names()).toEqual(['Wang Lei', 'Li Na']);
    expect(t.out.join('\n')).toContain(t.backup);
  });
});
