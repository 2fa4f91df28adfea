// Paths no other test reached: the terminal row limit of today and --all, list --due, config list,
// and the questions restore and undo ask on a terminal. Run in-process: what they decide is not
// about the binary, and starting the CLI for each would cost seconds.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addProspect } from '../../src/commands/add-prospect.js';
import { backup } from '../../src/commands/backup.js';
import { config } from '../../src/commands/config.js';
import { list } from '../../src/commands/list.js';
import { restore } from '../../src/commands/restore.js';
import { today } from '../../src/commands/today.js';
import { undo } from '../../src/commands/undo.js';
import { Cancelled } from '../../src/domain/errors.js';
import { testContext } from '../helpers/context.js';

let cleanup = () => {};
afterEach(() => cleanup());

function book(opts: Parameters<typeof testContext>[0] = {}) {
  const t = testContext(opts);
  cleanup = t.cleanup;
  return t;
}

/** `n` prospects whose callbacks all fall due on the test's today. */
async function due(t: ReturnType<typeof testContext>, n: number) {
  for (let i = 0; i < n; i++)
    await addProspect(t.ctx, `P${String(i).padStart(2, '0')}`, { phone: `1380013${String(8000 + i)}`, next: 'today' });
  t.out.length = 0;
}

describe('today', () => {
  it('on a terminal shows what fits and says how many more there are; --all shows every row', async () => {
    const t = book();
    await due(t, 30);
    t.ctx.width = 120;
    await today(t.ctx, {});
    const fitted = t.out.join('\n');
    // process.stdout.rows is unknown here: a 30-row terminal, less ten lines of frame.
    expect(fitted.match(/\bP\d\d\b/g)).toHaveLength(20);
    expect(fitted).toContain('… 10 more (dealer today --all)');
    t.out.length = 0;
    await today(t.ctx, { all: true });
    const all = t.out.join('\n');
    expect(all.match(/\bP\d\d\b/g)).toHaveLength(30);
    expect(all).not.toContain('more (dealer today --all)');
  });

  it('into a pipe shows 25 rows', async () => {
    const t = book();
    await due(t, 30);
    await today(t.ctx, {});
    expect(t.out.join('\n').match(/\bP\d\d\b/g)).toHaveLength(25);
    expect(t.out.join('\n')).toContain('… 5 more');
  });
});

describe('list --due', () => {
  it('lists only prospects whose callback is today or overdue', async () => {
    const t = book();
    await addProspect(t.ctx, 'Due Today', { phone: '13800138000', next: 'today' });
    await addProspect(t.ctx, 'Overdue', { phone: '13800138001', date: '2026-02-20' });
    await addProspect(t.ctx, 'Next Week', { phone: '13800138002', next: '2026-03-09' });
    const found = await list(t.ctx, { due: true });
    expect(found.map((p) => p.name).sort()).toEqual(['Due Today', 'Overdue']);
    expect((await list(t.ctx, {})).map((p) => p.name)).toContain('Next Week');
  });
});

describe('config list', () => {
  it('shows every setting, marking the defaults', async () => {
    const t = book();
    await config(t.ctx, 'set', 'goal.daily', '12');
    t.out.length = 0;
    const rows = await config(t.ctx, 'list');
    expect(rows.find((r) => r.key === 'goal.daily')).toEqual({ key: 'goal.daily', value: '12', isDefault: false });
    expect(rows.filter((r) => r.isDefault).length).toBeGreaterThan(0);
    const text = t.out.join('\n');
    expect(text).toMatch(/goal\.daily\s+12/);
    for (const r of rows) expect(text).toContain(r.key);
    expect(text).toContain(t.ctx.t.ui.settingDefault);
  });
});

describe('on a terminal, what cannot be taken back is asked first', () => {
  it('undo shows the change and takes it back only on yes', async () => {
    const t = book({ interactive: true, answers: [false, true] });
    await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000' });
    await expect(undo(t.ctx, {})).rejects.toBeInstanceOf(Cancelled);
    expect(await list(t.ctx, {})).toHaveLength(1);
    await undo(t.ctx, {});
    expect(await list(t.ctx, {})).toEqual([]);
    expect(t.ask.asked).toEqual([t.ctx.t.ui.undoQuestion, t.ctx.t.ui.undoQuestion]);
    expect(t.out.join('\n')).toMatch(/Last change: test/);
  });

  it('restore names both books and replaces only on yes', async () => {
    const t = book({ interactive: true, answers: [false, true] });
    await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000' });
    const copy = join(t.ctx.dbPath, '..', 'copy.db');
    await backup(t.ctx, copy, {});
    await addProspect(t.ctx, 'Li Na', { phone: '13900139000' });
    await expect(restore(t.ctx, copy, {})).rejects.toBeInstanceOf(Cancelled);
    expect(await list(t.ctx, {})).toHaveLength(2);
    const r = await restore(t.ctx, copy, {});
    expect(t.ask.asked).toHaveLength(2);
    expect(t.ask.asked[0]).toContain(copy);
    expect(t.ask.asked[0]).toContain(t.ctx.dbPath);
    expect((await list(t.ctx, {})).map((p) => p.name)).toEqual(['Wang Lei']);
    expect(r.safety).toBeTruthy();
    copyFileSync(r.safety!, join(t.ctx.dbPath, '..', 'kept.db')); // the safety copy is a real file
  });
});
