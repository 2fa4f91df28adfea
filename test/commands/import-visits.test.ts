// Issue 12 item 2: an imported visit is recorded by the same action as `dealer visit`, so it plans
// stages and reminders the same way; as history it never moves a prospect back or closes a sale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/commands/import.js';
import { visit } from '../../src/commands/visit.js';
import { remindersOf } from '../../src/store/contacts.js';
import { getProspect } from '../../src/store/prospects.js';
import { testContext } from '../helpers/context.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function book() {
  const t = testContext();
  cleanups.push(t.cleanup);
  const file = (name: string, text: string) => {
    const path = join(t.ctx.dbPath, '..', name);
    writeFileSync(path, text);
    return path;
  };
  const state = async (id: number) => {
    const { db } = await t.ctx.open('read');
    try {
      const p = getProspect(db, id);
      return {
        stage: p?.stage,
        next: p?.nextCallback,
        reminders: remindersOf(db, id).map((r) => [r.reason, r.due]),
      };
    } finally {
      db.close();
    }
  };
  return { ...t, file, state };
}

const PROSPECTS = 'name,phone,stage,created\nWang,13800138000,new,2026-02-20\n';

describe('import visits', () => {
  it('plans stage, callback and reminders as dealer visit does', async () => {
    const typed = book();
    await importFile(typed.ctx, 'prospects', typed.file('p.csv', PROSPECTS), {});
    await visit(typed.ctx, '1', { kind: 'showroom', date: '2026-02-25' });
    await visit(typed.ctx, '1', { kind: 'test-drive', date: '2026-02-26' });

    const imported = book();
    await importFile(imported.ctx, 'prospects', imported.file('p.csv', PROSPECTS), {});
    const visits = 'prospect_id,date,kind\n1,2026-02-25,showroom\n1,2026-02-26,test-drive\n';
    await importFile(imported.ctx, 'visits', imported.file('v.csv', visits), {});

    const { next, ...want } = await typed.state(1);
    expect(want).toEqual({ stage: 'test-drive', reminders: [['thank-you', '2026-02-26']] });
    // The callback differs by design: history keeps the one the imported prospect came with.
    expect(await imported.state(1)).toEqual({ ...want, next: '2026-02-21' });
    expect(next).toBe('2026-04-27');
  });

  it('never moves a prospect back, out of lost or into a close', async () => {
    const b = book();
    const prospects =
      'name,phone,stage,next_callback\nWon,13800138001,won,2026-04-01\nLost,13800138002,lost,\nNew,13800138003,new,2026-03-20\n';
    await importFile(b.ctx, 'prospects', b.file('p.csv', prospects), {});
    const visits = 'prospect_id,date,kind,stage\n1,2026-02-25,call,contacted\n2,2026-02-25,call,negotiating\n3,2026-02-25,call,won\n';
    await importFile(b.ctx, 'visits', b.file('v.csv', visits), {});
    expect((await b.state(1)).stage).toBe('won');
    expect(await b.state(2)).toMatchObject({ stage: 'lost', next: null });
    // A booked callback stays booked: the history is older than the plan the file came with.
    expect(await b.state(3)).toMatchObject({ stage: 'new', next: '2026-03-20' });
  });
});
