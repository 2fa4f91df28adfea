// Round-3 review of the words: Chinese screens without English keys, each trade's own words,
// phones and people, milestones said once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';
import { displayWidth, measuring } from '../../src/output/columns.js';

let s: Sandbox;
const zh = (args: string[]) => s.ok([...args, '--lang', 'zh']).stdout;
beforeEach(() => {
  s = sandbox('2026-03-11');
});
afterEach(() => s.cleanup());

describe('Chinese screens show the zh topic name', () => {
  it('script titles and the won referral hint', () => {
    s.ok(['config', 'set', 'trade', 'medical']);
    s.ok(['add-prospect', '王院长', '--phone', '13800138000', '--within', '1m']);
    const script = zh(['script', '科室需求']);
    expect(script.split('\n')[0]).not.toContain('consult-medical');
    expect(zh(['script', '出团服务']).split('\n')[0]).not.toMatch(/travel/);
    const won = s.ok(['won', '1', '--lang', 'zh']);
    expect(won.stdout + won.stderr).toContain('dealer script 保有维系 --for 1');
  });
});

describe('closing stages named as the trade words them', () => {
  it('a travel departure or a real-estate signing points to dealer won; lost to dealer lost', () => {
    s.ok(['config', 'set', 'trade', 'travel']);
    s.ok(['add-prospect', '李', '--phone', '13800138000']);
    const departed = s.run(['visit', '1', '--stage', '出团', '--lang', 'zh']);
    expect(departed.code).toBe(2);
    expect(departed.stderr).not.toMatch(/设为 ?won/);
    // Named as the trip's funnel names it.
    expect(departed.stderr).toContain('已签约');
    expect(departed.stderr).toContain('dealer won');
    const en = s.run(['visit', '1', '--stage', 'departed']);
    expect(en.stderr).not.toMatch(/stage to won/);
    expect(en.stderr).toContain('dealer won');
    const lost = s.run(['visit', '1', '--stage', 'lost', '--lang', 'zh']);
    expect(lost.stderr).not.toMatch(/设为 lost/);
    expect(lost.stderr).toContain('dealer lost');
  });
});

describe("car words refused in other trades", () => {
  it('test-drive / 试驾 is no stage and no contact kind of a trip', () => {
    s.ok(['config', 'set', 'trade', 'travel']);
    s.ok(['add-prospect', '李', '--phone', '13800138000']);
    for (const word of ['test-drive', '试驾']) {
      const r = s.run(['visit', '1', '--stage', word]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('itinerary agreed');
    }
    expect(s.run(['visit', '1', '--kind', '试驾']).code).toBe(2);
    expect(s.json<{ stage: string }>(['show', '1', '--json']).stage).toBe('new');
  });
  it('a car book still takes them', () => {
    s.ok(['add-prospect', '李', '--phone', '13800138000']);
    s.ok(['visit', '1', '--stage', '试驾', '--kind', 'test-drive']);
  });
});

describe('Chinese punctuation', () => {
  it('done and the calendar put a full-width colon after a Chinese label', () => {
    s.ok(['add-prospect', '王', '--phone', '13800138000', '--next', '2026-03-11']);
    const cal = zh(['calendar']);
    expect(cal).toContain('电话：13800138000');
    expect(cal).not.toMatch(/[\u4e00-\u9fff]: /);
    const done = zh(['done', '1']);
    expect(done).toContain('下次回访：');
    expect(done).not.toMatch(/[\u4e00-\u9fff]: /);
  });
});

describe("a person's phone", () => {
  it('full-width digits are stored plain, found by search, and the table stays aligned', async () => {
    s.ok(['add-prospect', '协和', '--org', '协和', '--phone', '13800138001']);
    s.ok(['people', 'add', '1', 'Ｚｈ', '--role', 'user', '--phone', '１３８００１３８００４']);
    s.ok(['people', 'add', '1', 'Li', '--role', 'decision-maker', '--phone', '13800138005']);
    expect(s.json<unknown[]>(['list', '--search', '13800138004', '--json'])).toHaveLength(1);
    const lines = s.ok(['people', '1']).stdout.split('\n');
    const header = lines.find((l) => l.startsWith('role'));
    const zhRow = lines.find((l) => l.includes('Ｚｈ'));
    const liRow = lines.find((l) => l.includes('Li '));
    expect(zhRow).toContain('13800138004');
    // The column after the phone starts at the same place on both rows and under its header.
    const stanceAt = header?.indexOf('stance');
    await measuring('Ｚ');
    const at = (row = '') => displayWidth(row.slice(0, row.indexOf('never met')));
    expect(at(zhRow)).toBe(at(liRow));
    expect(stanceAt).toBeGreaterThan(0);
  });
});

describe('milestone edits', () => {
  beforeEach(() => {
    s.ok(['add-prospect', '协和', '--org', '协和', '--phone', '13800138001', '--next', '2026-04-01']);
    s.ok(['people', 'milestone', '1', 'tender', '2026-03-11', '--note', 'old']);
  });
  const note = () => s.json<{ milestones: { note: string | null; day: string }[] }>(['people', '1', '--json']).milestones[0];

  it('a new note on a known milestone replaces the old one, and says so', () => {
    const r = s.ok(['people', 'milestone', '1', 'tender', '2026-03-11', '--note', 'new note']);
    expect(r.stdout).not.toContain('Already recorded');
    expect(r.stdout).toContain('Note updated');
    expect(note()?.note).toBe('new note');
  });

  it('a move keeps its --note; a move to the same day changes nothing and spends no undo step', () => {
    s.ok(['people', 'milestone', '1', 'tender', '2026-03-11', '--move-to', '2026-03-13', '--note', 'x']);
    expect(note()).toMatchObject({ note: 'x', day: '2026-03-13' });
    const same = s.ok(['people', 'milestone', '1', 'tender', '2026-03-13', '--move-to', '2026-03-13']);
    expect(same.stdout).toContain('Nothing changed');
    expect(same.stdout).not.toContain('Moved');
    // The undo step left is still the move above.
    s.ok(['undo', '--yes']);
    expect(note()).toMatchObject({ note: 'old', day: '2026-03-11' });
  });

  it('done on a milestone alone says one thing', () => {
    const out = s.ok(['done', '1']).stdout;
    expect(out).not.toContain('Done for');
    expect(out.match(/stays on the list/g)).toHaveLength(1);
  });
});

describe('--clear org', () => {
  it('warns that people and milestones are kept but hidden, and a search no longer finds them', () => {
    s.ok(['add-prospect', '协和', '--org', '协和', '--phone', '13800138001']);
    s.ok(['people', 'add', '1', '张', '--role', 'user', '--phone', '13900139004']);
    s.ok(['people', 'milestone', '1', 'tender', '2026-03-20']);
    expect(s.json<unknown[]>(['list', '--search', '13900139004', '--json'])).toHaveLength(1);
    const r = s.ok(['edit', '1', '--clear', 'org']);
    expect(r.stderr).toMatch(/1 people and 1 milestones are kept but hidden/);
    expect(s.json<unknown[]>(['list', '--search', '13900139004', '--json'])).toHaveLength(0);
    s.ok(['edit', '1', '--org', '协和']);
    expect(s.json<unknown[]>(['list', '--search', '13900139004', '--json'])).toHaveLength(1);
  });
});

describe('people history', () => {
  beforeEach(() => {
    s.ok(['add-prospect', '协和', '--org', '协和', '--phone', '13800138001']);
    s.ok(['people', 'add', '1', '张三', '--role', 'user']);
    s.ok(['visit', '1', '--with', '张三', '--note', 'met']);
  });

  it('a name is corrected with --name, and the contacts that met them follow', () => {
    const r = s.ok(['people', 'edit', '1', '张三', '--name', '张山']);
    expect(r.stdout).toContain('张山');
    expect(s.ok(['contacts', '1']).stdout).toContain('张山');
    // Another person's name is not taken over.
    s.ok(['people', 'add', '1', '李四', '--role', 'decider']);
    expect(s.run(['people', 'edit', '1', '李四', '--name', '张山']).code).toBe(2);
  });

  it('remove is refused for someone a contact met: it would erase whom it met', () => {
    const r = s.run(['people', 'remove', '1', '张三']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--name');
    expect(s.ok(['contacts', '1']).stdout).toContain('张三');
  });
});

describe("a milestone's notice the day before", () => {
  it('is due today (overdueDays 0 means today) and keeps its own day in milestone', () => {
    s.ok(['add-prospect', '协和', '--org', '协和', '--phone', '13800138001', '--next', '2026-04-01']);
    s.ok(['people', 'milestone', '1', 'tender', '2026-03-12']);
    const [row] = s.json<{ due: string; overdueDays: number; milestone: { day: string } }[]>(['today', '--json']);
    expect(row).toMatchObject({ due: '2026-03-11', overdueDays: 0, milestone: { day: '2026-03-12' } });
    expect(s.ok(['today']).stdout).toContain('tender on 2026-03-12');
  });
});

describe("an organisation's tier", () => {
  it('classify and the today heading word it as a unit account, not an individual window', () => {
    s.ok(['add-prospect', '协和', '--org', '协和', '--phone', '13800138001', '--next', '2026-03-11']);
    const c = s.ok(['classify', '1', '--within', '1w']).stdout;
    expect(c).not.toMatch(/within a (month|week)/);
    expect(c).toContain('unit account');
    const today = zh(['today']);
    expect(today).not.toContain('一个月内');
    expect(today).not.toContain('一周内');
    // An individual in the same tier: the heading names both.
    s.ok(['add-prospect', '王', '--phone', '13800138002', '--within', '1m', '--next', '2026-03-11']);
    const both = zh(['today']);
    expect(both).toMatch(/A 级 · 一个月内；A 级 · 单位客户/);
  });
});

describe('a test drive in other trades, wherever a kind is typed', () => {
  it('add-prospect --met and contact edit --kind refuse it outside a car book', () => {
    s.ok(['config', 'set', 'trade', 'medical']);
    expect(s.run(['add-prospect', '王', '--phone', '13800138000', '--met', '试驾']).code).toBe(2);
    s.ok(['add-prospect', '王', '--phone', '13800138000', '--met', 'visit']);
    expect(s.run(['contact', 'edit', '1', '--kind', 'test-drive']).code).toBe(2);
    // The same prospect as a car deal takes it.
    s.ok(['edit', '1', '--trade', 'car']);
    s.ok(['contact', 'edit', '1', '--kind', 'test-drive']);
  });
});

describe('search by a number typed in full-width digits', () => {
  it('finds the prospect and the person', () => {
    s.ok(['add-prospect', '协和', '--org', '协和', '--phone', '13800138001']);
    s.ok(['people', 'add', '1', '张', '--role', 'user', '--phone', '13900139004']);
    expect(s.json<unknown[]>(['list', '--search', '１３８００１３８００１', '--json'])).toHaveLength(1);
    expect(s.json<unknown[]>(['list', '--search', '１３９００１３９００４', '--json'])).toHaveLength(1);
  });
});
