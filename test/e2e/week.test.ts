// A week in a consultant's life, day by day, run as a new user would: no terminal, the clock set to
// each morning. The morning list is checked exactly: order, due dates, overdue days, reasons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
const on = (day: string) => ({ env: { DEALER_NOW: day } });
const ok = (args: string[], day: string) => s.ok(args, { DEALER_NOW: day });
type Item = {
  id: number;
  tier: string;
  stage: string;
  due: string;
  overdueDays: number;
  reason: string;
  lastContact: unknown;
};
const today = (day: string, ...args: string[]) => s.json<Item[]>(['today', ...args], on(day));
const brief = (items: Item[]) => items.map((i) => `${i.tier} #${i.id} ${i.reason} ${i.due} +${i.overdueDays}`);

beforeAll(() => {
  s = sandbox();
  // Monday 2 March 2026
  const mon = '2026-03-02';
  ok(['add-prospect', 'Wang Lei', '--phone', '13800138001', '--within', '1m'], mon); // 1: A, callback 03-09
  ok(['add-prospect', '李娜', '--phone', '13800138002', '--tier', 'O'], mon); // 2: O, callback 03-05
  ok(['add-prospect', 'Zhang Wei', '--phone', '13800138003', '--tier', 'B'], mon); // 3: B, callback 03-17
  ok(['add-prospect', '赵敏', '--phone', '13800138004', '--tier', 'C', '--birthday', '1990-03-06'], mon); // 4
  ok(['add-prospect', 'Chen Jing', '--phone', '13800138005', '--tier', 'O'], mon); // 5: lost on Tuesday
  ok(
    [
      'add-prospect',
      'Zhou Min',
      '--org',
      'Harbour Logistics',
      '--phone',
      '021-5555-0101',
      '--cycle',
      'short',
      '--batch',
      'small',
    ],
    mon,
  ); // 6: org B
  // Tuesday
  ok(['visit', '2', '--kind', 'showroom', '--note', 'Liked the Q5L, wife unsure'], '2026-03-03');
  ok(['lost', '5', '--reason', 'Bought elsewhere'], '2026-03-03');
  // Wednesday
  ok(['visit', '3', '--kind', 'test-drive'], '2026-03-04');
  ok(['visit', '1', '--kind', 'showroom', '--stage', 'deposit', '--hold', '2d'], '2026-03-04');
});
afterAll(() => s.cleanup());

describe('a week of contacts', () => {
  it('Monday: nothing is due yet', () => {
    expect(today('2026-03-02')).toEqual([]);
  });

  it('Thursday: the thank-yous, and the leads nobody has called since Monday (speed to lead)', () => {
    // #1 paid a deposit held to Friday: tier O and worked first, reminded the day before it expires.
    expect(brief(today('2026-03-05'))).toEqual([
      'O #1 deposit-expiry 2026-03-05 +0',
      'O #1 thank-you 2026-03-05 +0',
      'O #2 thank-you 2026-03-04 +1',
      'B #6 callback 2026-03-03 +2',
      'C #4 callback 2026-03-03 +2',
    ]);
  });

  it('Friday: in order, with overdue days, reasons and last contacts', () => {
    const items = today('2026-03-06');
    expect(brief(items)).toEqual([
      'O #1 thank-you 2026-03-05 +1',
      'O #1 deposit-expiry 2026-03-06 +0',
      'O #2 thank-you 2026-03-04 +2',
      'O #2 callback 2026-03-06 +0',
      'B #6 callback 2026-03-03 +3',
      'C #4 callback 2026-03-03 +3',
      'C #4 birthday 2026-03-06 +0',
    ]);
    expect(items[2]).toMatchObject({
      name: '李娜',
      phone: '13800138002',
      stage: 'contacted',
      lastContact: { date: '2026-03-03', kind: 'showroom', note: 'Liked the Q5L, wife unsure' },
    });
    expect(items[1]).toMatchObject({
      stage: 'deposit',
      lastContact: { date: '2026-03-04', kind: 'showroom', note: null },
    });
    expect(items[6]).toMatchObject({ lastContact: null });
  });

  it('a lost prospect is never due', () => {
    expect(today('2026-03-20', '--days', '60').some((i) => i.id === 5)).toBe(false);
  });

  it('--date plans ahead (thank-yous over three days late have lapsed) and --days looks further', () => {
    expect(brief(s.json<Item[]>(['today', '--date', '2026-03-09'], on('2026-03-06')))).toEqual([
      'O #2 callback 2026-03-06 +3',
      // The hold has lapsed: #1 is back to the tier its purchase date gives.
      'A #1 deposit-expiry 2026-03-06 +3',
      'A #1 callback 2026-03-07 +2',
      'B #6 callback 2026-03-03 +6',
      'C #4 callback 2026-03-03 +6',
    ]);
    const week = today('2026-03-06', '--days', '14').map((i) => `${i.id} ${i.reason} ${i.due}`);
    expect(week).toEqual(
      expect.arrayContaining(['1 callback 2026-03-07', '6 callback 2026-03-03', '3 callback 2026-03-19']),
    );
  });

  it("Friday's call clears the thank-you and books the next callback by the O cadence", () => {
    const p = s.json<{ nextCallback: string; stage: string }>(
      ['visit', '2', '--kind', 'call', '--note', 'Wife wants to see it'],
      on('2026-03-06'),
    );
    expect(p).toMatchObject({ nextCallback: '2026-03-09', stage: 'contacted' });
    expect(brief(today('2026-03-06'))).toEqual([
      'O #1 thank-you 2026-03-05 +1',
      'O #1 deposit-expiry 2026-03-06 +0',
      'B #6 callback 2026-03-03 +3',
      'C #4 callback 2026-03-03 +3',
      'C #4 birthday 2026-03-06 +0',
    ]);
  });

  it('a back-dated contact does not move the booking made by a later one', () => {
    const p = s.json<{ nextCallback: string }>(
      ['visit', '2', '--kind', 'sms', '--date', '2026-03-04'],
      on('2026-03-06'),
    );
    expect(p.nextCallback).toBe('2026-03-09');
  });

  it("the summary line counts due, overdue and today's contacts against the goal", () => {
    const r = s.run(['today'], on('2026-03-06'));
    expect(r.stdout).toMatch(/2 due today · 3 overdue · contacts today 1\/10/);
    expect(r.stdout.indexOf('A · within a month')).toBeLessThan(r.stdout.indexOf('C · within 6 months'));
  });

  it('classify --all moves the derived tier as the purchase date nears', () => {
    const moved = s.json<{ moved: { id: number; from: string; to: string }[] }>(
      ['classify', '--all', '--date', '2026-03-26'],
      on('2026-03-06'),
    );
    expect(moved.moved.map((m) => `${m.id} ${m.from}→${m.to}`)).toEqual(['1 A→O']);
    expect(s.json<{ moved: unknown[] }>(['classify', '--all', '--date', '2026-03-26'], on('2026-03-06')).moved).toEqual(
      [],
    );
  });

  it('won: thank-you the next day; no check-up until the car is handed over', () => {
    ok(['won', '1'], '2026-03-09');
    const next = today('2026-03-10', '--days', '6')
      .filter((i) => i.id === 1)
      .map((i) => `${i.reason} ${i.due}`);
    expect(next).toEqual(['thank-you 2026-03-10']);
  });

  it('a delivery books the check-up call seven days later', () => {
    ok(['visit', '1', '--kind', 'delivery'], '2026-03-12');
    const items = today('2026-03-19').filter((i) => i.id === 1);
    expect(items.map((i) => `${i.reason} ${i.due} ${i.stage}`)).toEqual(['delivery-check 2026-03-19 delivered']);
  });
});

describe('bad input changes nothing', () => {
  const contacts = () => s.json<{ contacts: unknown[] }>(['show', '3'], on('2026-03-06')).contacts.length;

  it.each([
    [['visit', '99'], /no prospect #99/],
    [['visit', '3', '--kind', 'fax'], /not a contact kind/],
    [['visit', '3', '--stage', 'sleeping'], /not a stage/],
    [['visit', '3', '--date', '2026-02-30'], /not a date/],
    [['visit', '3', '--next', 'soon'], /not a date/],
    [['visit', '3', '--stage', 'won'], /dealer won 3/],
    [['visit', '3', '--hold', '2d', '--hold-until', 'fri'], /give only one/],
    [['won', '5'], /#5 is marked lost/],
    [['lost', '3'], /needs a reason/],
    [['lost', '3', '--reason', ''], /needs a reason/],
    [['classify', '3', '--tier', 'A', '--within', '1m'], /give only one/],
    [['classify', '3', '--cycle', 'long'], /--batch/],
    [['classify', '3'], /missing tier/],
    [['classify', '3', '--all'], /not both/],
    [['config', 'set', 'cadence.person.A', 'weekly'], /number of days/],
    [['config', 'set', 'nonsense', '1'], /unknown setting/],
    [['config', 'explode'], /not a config action/],
  ])('%j is exit 2 and writes nothing', (args, message) => {
    const before = contacts();
    const r = s.run(args, on('2026-03-06'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(contacts()).toBe(before);
  });
});

describe('settings', () => {
  it('a cadence set in config books callbacks by it', () => {
    ok(['config', 'set', 'cadence.person.B', '10'], '2026-03-06');
    expect(s.json(['visit', '3', '--kind', 'call'], on('2026-03-06'))).toMatchObject({ nextCallback: '2026-03-16' });
    ok(['config', 'unset', 'cadence.person.B'], '2026-03-06');
    expect(s.run(['config', 'get', 'cadence.person.B']).stdout.trim()).toBe('15');
  });

  it('the stored language applies when none is chosen', () => {
    ok(['config', 'set', 'lang', 'zh'], '2026-03-06');
    expect(s.run(['show', '3'], { env: { DEALER_LANG: undefined } }).stdout).toContain('联系记录');
    expect(s.run(['show', '3'], { env: { DEALER_LANG: 'en' } }).stdout).toContain('Contacts');
    ok(['config', 'unset', 'lang'], '2026-03-06');
  });
});
