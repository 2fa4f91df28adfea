// Prompts that respect the person typing (issue 11): defaults that are the prospect's own answers,
// a duplicate said while it is typed, full-width keys, every field editable, Chinese hints; and the
// refusals and search that go with them. Scripted answers; the terminal itself is test/e2e.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addProspect } from '../../src/commands/add-prospect.js';
import { classify } from '../../src/commands/classify.js';
import { consult } from '../../src/commands/consult.js';
import { edit } from '../../src/commands/edit.js';
import { list } from '../../src/commands/list.js';
import { lost } from '../../src/commands/lost.js';
import { visit } from '../../src/commands/visit.js';
import { zh } from '../../src/i18n/zh.js';
import { testContext } from '../helpers/context.js';

let cleanup = () => {};
let config = '';
beforeEach(() => {
  // consult reads the user's own script files: point it at an empty folder.
  config = mkdtempSync(join(tmpdir(), 'dealer-config-'));
  vi.stubEnv('XDG_CONFIG_HOME', config);
});
afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
  rmSync(config, { recursive: true, force: true });
});

function book(answers: (string | boolean)[] = [], interactive = true) {
  const t = testContext({ interactive, answers });
  cleanup = t.cleanup;
  return t;
}

describe('classify on a terminal starts on the current answers', () => {
  it('Enter through every question keeps an O an O', async () => {
    const t = book(['', '', '', '']);
    await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000', tier: 'O' });
    const p = await classify(t.ctx, '1', {});
    expect(p.tier).toBe('O');
  });

  it('a derived tier stays on its purchase date, and yes/no answers given before are the defaults', async () => {
    const t = book(['', '', '', '']);
    await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000', within: '3m', decides: 'no' });
    const p = await classify(t.ctx, '1', {});
    expect(p).toMatchObject({ tier: 'B', expected: '2026-05-31', decides: false });
  });
});

describe('lost on a prospect already lost', () => {
  it('is refused without a terminal, naming the first reason, which is kept', async () => {
    const t = book([], false);
    await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000' });
    await lost(t.ctx, '1', { reason: 'Bought a BMW' });
    await expect(lost(t.ctx, '1', { reason: 'again' })).rejects.toMatchObject({
      code: 'alreadyLost',
      exitCode: 2,
      params: { reason: 'Bought a BMW' },
    });
    const { db } = await t.ctx.open('read');
    expect(db.prepare('SELECT lost_reason FROM prospect').pluck().get()).toBe('Bought a BMW');
  });

  it('on a terminal asks before replacing it; no keeps it', async () => {
    const t = book([false, true]);
    await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000' });
    await lost(t.ctx, '1', { reason: 'Bought a BMW' });
    await expect(lost(t.ctx, '1', { reason: 'Too far' })).rejects.toMatchObject({ name: 'Cancelled' });
    expect(t.ask.asked[0]).toContain('already lost (Bought a BMW)');
    const p = await lost(t.ctx, '1', { reason: 'Too far' });
    expect(p.lostReason).toBe('Too far');
  });
});

describe('a WeChat id is a duplicate like a phone', () => {
  it('is refused in any letter case, naming who has it, unless --force', async () => {
    const t = book([], false);
    await addProspect(t.ctx, 'Mary Brown', { wechat: 'mbrown88' });
    await expect(addProspect(t.ctx, 'M. Brown', { wechat: ' MBrown88' })).rejects.toMatchObject({
      code: 'duplicateWechat',
      exitCode: 2,
      params: { id: 1, name: 'Mary Brown' },
    });
    await addProspect(t.ctx, 'Zhou Min', { phone: '13700137000', wechat: 'zm' });
    await expect(edit(t.ctx, '2', { wechat: 'MBROWN88' })).rejects.toMatchObject({ code: 'duplicateWechat' });
    await expect(edit(t.ctx, '1', { wechat: 'MBrown88' })).resolves.toMatchObject({ wechat: 'MBrown88' });
    await expect(addProspect(t.ctx, 'M. Brown', { wechat: 'mbrown88', force: true })).resolves.toMatchObject({
      id: 3,
    });
  });
});

describe('add-prospect on a terminal checks numbers as they are typed', () => {
  it('says who has a phone or WeChat id and asks again, keeping the other answers', async () => {
    const t = book(['13800138000', '13900139000', 'MB88', 'other88', 'walk-in', '', 'skip', '', '']);
    await addProspect(t.ctx, 'Mary Brown', { phone: '138 0013 8000', wechat: 'mb88' });
    const p = await addProspect(t.ctx, 'Wang Lei', {});
    expect(t.ask.rejected).toEqual([
      '13800138000 already belongs to #1 Mary Brown',
      'WeChat MB88 already belongs to #1 Mary Brown',
    ]);
    expect(t.ask.asked.slice(0, 4)).toEqual(['Phone', 'Phone', 'WeChat (optional)', 'WeChat (optional)']);
    expect(p).toMatchObject({ name: 'Wang Lei', phones: ['+8613900139000'], wechat: 'other88', source: 'walk-in' });
  });

  it('a number given as a flag that someone has is refused before any question', async () => {
    const t = book([]);
    await addProspect(t.ctx, 'Mary Brown', { phone: '13800138000' });
    await expect(addProspect(t.ctx, undefined, { phone: '138 0013 8000' })).rejects.toMatchObject({
      code: 'duplicatePhone',
    });
    expect(t.ask.asked).toEqual([]);
  });
});

describe('consult with a Chinese input method', () => {
  it('《 goes back, —— clears, 。 finishes: none is saved as an answer', async () => {
    const t = book(['10 years', '《', '12 years', 'a Golf', '——', '。']);
    await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000' });
    await consult(t.ctx, '1', { set: ['priority=safety'] });
    const answers = await consult(t.ctx, '1', {});
    expect(answers).toEqual({ driving_years: '12 years', previous_car: 'a Golf' });
  });

  it.each([
    ['＜', 'driving_years'],
    ['．', undefined],
  ])('%s acts like its ASCII key', async (key, asked) => {
    const t = book(['10 years', key, ...(asked ? ['11 years', '.'] : [])]);
    await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000' });
    const answers = await consult(t.ctx, '1', {});
    expect(answers).toEqual({ driving_years: asked ? '11 years' : '10 years' });
  });

  it('－ clears an answer', async () => {
    const t = book(['－', '.']);
    await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000' });
    await consult(t.ctx, '1', { set: ['driving_years=5'] });
    expect(await consult(t.ctx, '1', {})).toEqual({});
  });

  it('names the questions still to ask, not their keys', async () => {
    const t = book(['5 years', '.']);
    await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000' });
    await consult(t.ctx, '1', {});
    const out = t.out.join('\n');
    expect(out).toContain('What do you drive now');
    expect(out).not.toMatch(/previous_car/);
  });
});

describe('edit on a terminal', () => {
  it('offers every field, and saves tier, window, callback, birthday, organisation and WeChat', async () => {
    const t = book([
      'wechat',
      'wl_2026',
      'org',
      'Acme Logistics',
      'within',
      '1w',
      'next',
      '2026-03-04',
      'birthday',
      '05-17',
      'source',
      'referral',
      'done',
    ]);
    await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000', tier: 'C' });
    const p = await edit(t.ctx, '1', {});
    const menu = t.ask.offered[0]!.map((label) => label.split(':')[0]);
    expect(menu).toEqual([
      'name',
      'phone',
      'WeChat',
      'email',
      'tier',
      'buys within',
      'next callback',
      'birthday',
      'organisation',
      'source',
      'interest',
      'budget',
      'note',
      'Done, save',
    ]);
    expect(p).toMatchObject({
      wechat: 'wl_2026',
      org: 'Acme Logistics',
      kind: 'org',
      // An organisation buying within the week is A, not O: its tier does not come from a date (issue 14.3).
      tier: 'A',
      expected: '2026-03-09',
      nextCallback: '2026-03-04',
      birthday: '05-17',
      source: 'referral',
    });
  });

  it('a tier by hand after a window: the last one chosen wins', async () => {
    const t = book(['within', '1w', 'tier', 'B', 'done']);
    await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000', tier: 'C' });
    expect(await edit(t.ctx, '1', {})).toMatchObject({ tier: 'B', tierManual: true });
  });

  it('in Chinese the menu speaks Chinese, with full-width colons', async () => {
    const t = book(['done']);
    await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000', interest: 'A6L' });
    await edit({ ...t.ctx, t: zh }, '1', {});
    const menu = t.ask.offered[0]!;
    expect(menu).toContain('意向车型：A6L');
    expect(menu.join('\n')).not.toMatch(/[a-z]+:/);
  });
});

describe('list --search', () => {
  it('finds what a contact note said, and Chinese names by pinyin and initials', async () => {
    const t = book([], false);
    await addProspect(t.ctx, '王磊', { phone: '13800138000' });
    await addProspect(t.ctx, '李娜', { phone: '13900139000' });
    await addProspect(t.ctx, 'Zhou Min', { phone: '13700137000' });
    await visit(t.ctx, '2', { note: '和宝马3系在比较' });
    const ids = async (search: string) => (await list(t.ctx, { search })).map((p) => p.id);
    expect(await ids('宝马')).toEqual([2]);
    expect(await ids('wang')).toEqual([1]);
    expect(await ids('wl')).toEqual([1]);
    expect(await ids('Lei')).toEqual([1]);
    expect(await ids('lina')).toEqual([2]);
    expect(await ids('zhou')).toEqual([3]);
    expect(await ids('xyz')).toEqual([]);
  });
});
