// The daily loop, a second week (issue 11): a walk-in's same-day test drive and an evening call do
// not cancel the thank-you, new leads are called the next day, `--met` records the first contact,
// `done` and `snooze` tick rows off, a contact on a birthday greets it, thank-yous lapse,
// customers are their own group, and a mistaken contact is corrected. The clock is pinned to each
// morning and the list checked exactly. CLI starts: about 50.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
type Item = { id: number; group: string; due: string; overdueDays: number; reason: string };
const on = (day: string) => ({ env: { DEALER_NOW: day } });
const ok = (args: string[], day: string) => s.ok(args, { DEALER_NOW: day });
const today = (day: string) =>
  s.json<Item[]>(['today'], on(day)).map((i) => `${i.group} #${i.id} ${i.reason} ${i.due} +${i.overdueDays}`);

const MON = '2026-03-02';
const TUE = '2026-03-03';
const WED = '2026-03-04';

beforeAll(() => {
  s = sandbox(MON);
  // 1: a walk-in added after the visit, who then test-drove the same afternoon.
  ok(['add-prospect', 'Walk In', '--phone', '13800138001', '--tier', 'A', '--met', 'showroom'], MON);
  ok(['visit', '1', '--kind', 'test-drive'], MON);
  // 2: a phone enquiry nobody has spoken to yet: speed to lead.
  ok(['add-prospect', 'Phone Lead', '--phone', '13800138002', '--tier', 'B'], MON);
  // 3: a showroom visit, then an evening call the same day.
  ok(['add-prospect', 'Evening', '--phone', '13800138003', '--tier', 'O', '--met', 'showroom'], MON);
  ok(['visit', '3', '--kind', 'call'], MON);
  // 4: birthday on Wednesday, first call booked later by hand.
  ok(
    ['add-prospect', 'Bday', '--phone', '13800138004', '--tier', 'C', '--birthday', '1990-03-04', '--next', '+2m'],
    MON,
  );
  // 5: bought and drove away today: a customer from now on.
  ok(['add-prospect', 'Buyer', '--phone', '13800138005', '--tier', 'O', '--next', '+2m'], MON);
  ok(['won', '5'], MON);
  ok(['delivered', '5'], MON);
});
afterAll(() => s.cleanup());

describe('impossible dates are refused and change nothing', () => {
  it.each([
    [['visit', '1', '--date', 'tomorrow'], /contact cannot be in the future/],
    [['visit', '1', '--next', 'yesterday'], /callback cannot be in the past/],
    [['visit', '1', '--stage', 'test-drive', '--hold', '2d'], /needs the deposit stage/],
    [
      ['add-prospect', 'Later', '--phone', '13800138009', '--birthday', '2027-01-01'],
      /birthday cannot be in the future/,
    ],
    [['add-prospect', 'Late', '--phone', '13800138009', '--expected', 'yesterday'], /cannot be in the past/],
  ])('%j', (args, message) => {
    const r = s.run(args, on(MON));
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(message)]);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a contact dated before the prospect was added is history, and kept', () => {
    expect(s.json<unknown[]>(['list'], on(MON))).toHaveLength(5);
    ok(['visit', '4', '--kind', 'call', '--date', '2026-02-25'], MON);
    expect(s.json<{ date: string }[]>(['contacts', '4'], on(MON)).map((c) => c.date)).toEqual(['2026-02-25']);
  });
});

describe('the mornings', () => {
  it('Monday: nothing due yet', () => {
    expect(today(MON)).toEqual([]);
  });

  it('Tuesday: both thank-yous survive the same-day second contact; the new lead is due; the customer apart', () => {
    expect(today(TUE)).toEqual([
      'O #3 thank-you 2026-03-03 +0',
      'A #1 thank-you 2026-03-03 +0',
      'B #2 callback 2026-03-03 +0',
      'customers #5 thank-you 2026-03-03 +0',
    ]);
  });

  it('Tuesday, as text: customers under their own heading, after the tiers', () => {
    const out = s.run(['today'], on(TUE)).stdout;
    expect(out.indexOf('B · within 3 months')).toBeLessThan(out.indexOf('customers · keep in touch'));
    // The thank-you opens with the follow-up script: it thanks for a past visit, not "today".
    expect(s.ok(['script', 'follow-up', '--for', '1'], { DEALER_NOW: TUE }).stdout).toMatch(
      /Hello Walk In, .*Thank you for coming in yesterday/,
    );
  });

  it('Tuesday: a WeChat sends a thank-you, done and snooze tick the rest off', () => {
    expect(s.json(['visit', '1', '--kind', 'wechat'], on(TUE))).toMatchObject({ nextCallback: '2026-03-10' });
    expect(s.json(['done', '2'], on(TUE))).toMatchObject({ nextCallback: '2026-03-18', handled: ['callback'] });
    expect(s.json(['snooze', '3', 'thu'], on(TUE))).toMatchObject({
      nextCallback: '2026-03-05',
      handled: ['thank-you'],
    });
    ok(['done', '5'], TUE);
    expect(today(TUE)).toEqual([]);
    // The empty morning names the next thing due of any kind: a birthday, not the next callback.
    expect(s.run(['today'], on(TUE)).stdout).toContain('Next due: #4 Bday, birthday, on 2026-03-04');
    expect(s.run(['done', '2'], on(TUE))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/nothing is due for #2/),
    });
  });

  it('Tuesday: a WeChat entered on the wrong day is corrected, and the thank-you follows it', () => {
    const listed = s.json<{ id: number; kind: string }[]>(['contacts', '1'], on(TUE));
    expect(listed.map((c) => c.kind)).toEqual(['showroom', 'test-drive', 'wechat']);
    const table = s.run(['contacts', '1'], on(TUE)).stdout.split('\n');
    expect(table.slice(1, 5).map((l) => l.trim().split(/\s+/).slice(0, 3).join(' '))).toEqual([
      '# date kind',
      `${listed[0]!.id} ${MON} showroom`,
      `${listed[1]!.id} ${MON} test`,
      `${listed[2]!.id} ${TUE} WeChat`,
    ]);
    const wechat = String(listed[2]!.id);
    // Moved to the visit's day, it no longer thanks for it: the thank-you is owed again.
    expect(s.json(['contact', 'edit', wechat, '--date', MON], on(TUE))).toMatchObject({ nextCallback: '2026-03-09' });
    expect(today(TUE)).toEqual(['A #1 thank-you 2026-03-03 +0']);
    ok(['contact', 'edit', wechat, '--date', TUE], TUE);
    expect(today(TUE)).toEqual([]);
  });

  it('Wednesday: the birthday; a call on the day greets it', () => {
    expect(today(WED)).toEqual(['C #4 birthday 2026-03-04 +0']);
    ok(['visit', '4', '--kind', 'call'], WED);
    expect(today(WED)).toEqual([]);
  });

  it('Thursday: the snoozed thank-you with the O callback', () => {
    expect(today('2026-03-05')).toEqual(['O #3 callback 2026-03-05 +0', 'O #3 thank-you 2026-03-05 +0']);
  });

  it('Sunday: still owed three days on; Monday: the thank-you has lapsed, the check-up is due', () => {
    expect(today('2026-03-08')).toEqual(['O #3 callback 2026-03-05 +3', 'O #3 thank-you 2026-03-05 +3']);
    expect(today('2026-03-09')).toEqual(['O #3 callback 2026-03-05 +4', 'customers #5 delivery-check 2026-03-09 +0']);
  });

  it('a test drive deleted takes its stage with it; list keeps customers apart', () => {
    const drive = s
      .json<{ id: number; kind: string }[]>(['contacts', '1'], on('2026-03-09'))
      .find((c) => c.kind === 'test-drive')!;
    expect(s.json(['contact', 'delete', String(drive.id)], on('2026-03-09'))).toMatchObject({
      stage: 'contacted',
      nextCallback: '2026-03-10',
    });
    const listed = s.json<{ id: number; group: string }[]>(['list'], on('2026-03-09'));
    expect(listed.map((p) => `${p.id} ${p.group}`)).toEqual(['1 A', '2 B', '3 O', '4 C', '5 customers']);
    expect(s.json<{ id: number }[]>(['list', '--tier', 'O'], on('2026-03-09')).map((p) => p.id)).toEqual([3]);
  });

  it('done and a contact correction are each one undo step', () => {
    ok(['undo', '--yes'], '2026-03-09');
    expect(s.json<{ kind: string }[]>(['contacts', '1'], on('2026-03-09')).map((c) => c.kind)).toEqual([
      'showroom',
      'test-drive',
      'wechat',
    ]);
    ok(['done', '3'], '2026-03-09');
    expect(today('2026-03-09')).toEqual(['customers #5 delivery-check 2026-03-09 +0']);
    ok(['undo', '--yes'], '2026-03-09');
    expect(today('2026-03-09')).toEqual(['O #3 callback 2026-03-05 +4', 'customers #5 delivery-check 2026-03-09 +0']);
  });
});
