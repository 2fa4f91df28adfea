// The daily loop's rules, pure and with pinned dates: impossible dates, lapsing thank-yous,
// birthdays greeted, `done` and `snooze`, the customers group, and re-planning a corrected contact.
import { describe, expect, it } from 'vitest';
import {
  checkBirthday,
  checkCallback,
  checkContactDate,
  checkExpected,
  checkDepositTerms,
} from '../../src/domain/date-rules.js';
import { planDone, planSnooze, type DueState } from '../../src/domain/done.js';
import { compareDue, greetedAlready, groupOf, lapsed, type DueItem } from '../../src/domain/due.js';
import { DealerError } from '../../src/domain/errors.js';
import type { Contact, Reminder } from '../../src/domain/prospect.js';
import { owedThankYou, replan, restage } from '../../src/domain/replan.js';
import { birthdayOn, planContact, type ProspectState } from '../../src/domain/schedule.js';
import { settingsFrom } from '../../src/domain/settings.js';
import type { Stage } from '../../src/domain/vocab.js';

const settings = settingsFrom({});
const TODAY = '2026-03-10';
const base: ProspectState = {
  kind: 'person',
  stage: 'contacted',
  tier: 'A',
  tierManual: true,
  expected: null,
  nextCallback: '2026-03-10',
};
const reminder = (id: number, reason: Reminder['reason'], due: string, since = due): Reminder => ({
  id,
  prospectId: 1,
  reason,
  due,
  since,
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DealerError ? `${e.code}/${e.exitCode}` : String(e);
  }
  return 'accepted';
};

describe('impossible dates', () => {
  it('a contact cannot be in the future; one before the prospect was added is history', () => {
    expect(code(() => checkContactDate('2026-03-11', TODAY))).toBe('contactInFuture/2');
    expect(code(() => checkContactDate(TODAY, TODAY))).toBe('accepted');
    expect(code(() => checkContactDate('2020-01-01', TODAY))).toBe('accepted');
  });

  it('a callback cannot be in the past', () => {
    expect(code(() => checkCallback('2026-03-09', TODAY))).toBe('callbackInPast/2');
    expect(code(() => checkCallback(TODAY, TODAY))).toBe('accepted');
  });

  const terms = (t: { holdUntil?: string; deposit?: number; topUpBy?: string; stage?: Stage }, current: Stage) =>
    code(() => checkDepositTerms({ date: TODAY, ...t }, current));

  it('deposit terms need the deposit stage (given, taken now, or already there) and cannot end before the contact', () => {
    expect(terms({ holdUntil: '2026-03-12', stage: 'test-drive' }, 'deposit')).toBe('holdNeedsDeposit/2');
    expect(terms({ holdUntil: '2026-03-12' }, 'deposit')).toBe('accepted');
    expect(terms({ holdUntil: '2026-03-12', stage: 'deposit' }, 'negotiating')).toBe('accepted');
    expect(terms({ holdUntil: '2026-03-12', deposit: 5000 }, 'negotiating')).toBe('accepted');
    expect(terms({ holdUntil: '2026-03-12' }, 'negotiating')).toBe('holdNeedsDeposit/2');
    expect(terms({ holdUntil: '2026-03-09' }, 'deposit')).toBe('holdInPast/2');
    expect(terms({ topUpBy: '2026-03-09' }, 'deposit')).toBe('holdInPast/2');
    expect(terms({ stage: 'test-drive' }, 'won')).toBe('accepted');
  });

  it('deposit terms alone do not move a won customer or a lost prospect to deposit', () => {
    expect(terms({ holdUntil: '2026-03-12' }, 'won')).toBe('holdNeedsDeposit/2');
    expect(terms({ holdUntil: '2026-03-12' }, 'lost')).toBe('holdNeedsDeposit/2');
    expect(terms({ deposit: 5000 }, 'won')).toBe('holdNeedsDeposit/2');
    expect(terms({ deposit: 5000, stage: 'deposit' }, 'lost')).toBe('accepted');
  });

  it('a birthday cannot be in the future; a month-day one recurs', () => {
    expect(code(() => checkBirthday('2026-03-11', TODAY))).toBe('birthdayInFuture/2');
    expect(code(() => checkBirthday('1990-12-31', TODAY))).toBe('accepted');
    expect(code(() => checkBirthday('12-31', TODAY))).toBe('accepted');
  });

  it('an expected purchase cannot be in the past', () => {
    expect(code(() => checkExpected('2026-03-09', TODAY))).toBe('expectedInPast/2');
    expect(code(() => checkExpected(TODAY, TODAY))).toBe('accepted');
  });
});

describe('thank-yous and birthdays', () => {
  it('a thank-you lapses after reminder.lapse days overdue', () => {
    expect(lapsed('thank-you', '2026-03-07', TODAY, { lapse: 3 })).toBe(false);
    expect(lapsed('thank-you', '2026-03-06', TODAY, { lapse: 3 })).toBe(true);
    expect(lapsed('callback', '2026-01-01', TODAY, { lapse: 3 })).toBe(false);
    expect(settingsFrom({ 'reminder.lapse': '5' }).lapse).toBe(5);
  });

  it('a contact on the birthday greets it; 29 Feb is greeted on 28 Feb', () => {
    expect(birthdayOn('1990-03-10', TODAY)).toBe(TODAY);
    expect(birthdayOn('03-10', TODAY)).toBe(TODAY);
    expect(birthdayOn('1990-03-11', TODAY)).toBeNull();
    expect(birthdayOn('2000-02-29', '2027-02-28')).toBe('2027-02-28');
    const plan = planContact({
      prospect: base,
      latest: null,
      visitedBefore: true,
      reminders: [],
      contact: { date: TODAY, kind: 'call' },
      settings,
      birthday: '1990-03-10',
    });
    expect(plan.greeted).toBe(TODAY);
    expect(greetedAlready(TODAY, plan.greeted!)).toBe(true);
    expect(greetedAlready('2027-03-10', plan.greeted!)).toBe(false);
  });
});

describe('done and snooze', () => {
  const state = (over: Partial<DueState> = {}): DueState => ({
    id: 4,
    prospect: base,
    reminders: [reminder(1, 'thank-you', '2026-03-09', '2026-03-08'), reminder(2, 'deposit-expiry', '2026-03-20')],
    birthday: '1990-03-10',
    greeted: null,
    ...over,
  });

  it('done clears what is due, moves a due callback one cadence on, greets the birthday', () => {
    expect(planDone(state(), TODAY, settings)).toEqual({
      nextCallback: '2026-03-17',
      clear: [1],
      move: [],
      add: [],
      greeted: TODAY,
      handled: ['callback', 'thank-you', 'birthday'],
    });
  });

  it('done leaves a callback that is not due alone, and refuses when nothing is due', () => {
    const later = { ...base, nextCallback: '2026-03-12' };
    expect(planDone(state({ prospect: later }), TODAY, settings).nextCallback).toBe('2026-03-12');
    const idle = state({ prospect: later, reminders: [], birthday: null });
    expect(code(() => planDone(idle, TODAY, settings))).toBe('nothingDueFor/1');
    // A lapsed thank-you is not due any more.
    const stale = state({ prospect: later, reminders: [reminder(1, 'thank-you', '2026-03-01')], birthday: null });
    expect(code(() => planDone(stale, TODAY, settings))).toBe('nothingDueFor/1');
  });

  it('snooze moves everything due to the day; the birthday becomes a reminder then', () => {
    expect(planSnooze(state(), TODAY, '2026-03-13', settings)).toEqual({
      nextCallback: '2026-03-13',
      clear: [],
      move: [{ id: 1, due: '2026-03-13' }],
      add: [{ reason: 'birthday', due: '2026-03-13', since: TODAY }],
      greeted: TODAY,
      handled: ['callback', 'thank-you', 'birthday'],
    });
    expect(code(() => planSnooze(state(), TODAY, TODAY, settings))).toBe('snoozeNotAhead/2');
  });
});

describe('customers', () => {
  it('are their own group, after the open tiers', () => {
    expect(groupOf('won', 'O')).toBe('customers');
    expect(groupOf('follow-up', 'A')).toBe('customers');
    expect(groupOf('deposit', 'O')).toBe('O');
    const item = (id: number, stage: DueItem['stage'], tier: DueItem['tier']): DueItem => ({
      id,
      name: '',
      phone: null,
      tier,
      group: groupOf(stage, tier),
      stage,
      due: TODAY,
      overdueDays: 0,
      reason: 'callback',
      lastContact: null,
      topic: 'consult',
    });
    const sorted = [item(1, 'won', 'O'), item(2, 'contacted', 'C'), item(3, 'contacted', 'O')].sort(compareDue);
    expect(sorted.map((i) => i.id)).toEqual([3, 2, 1]);
  });
});

describe('correcting a contact', () => {
  const contact = (
    id: number,
    date: string,
    kind: Contact['kind'],
    stage: Contact['stage'] = 'contacted',
  ): Contact => ({
    id,
    prospectId: 1,
    date,
    kind,
    outcome: null,
    note: null,
    stage,
    objections: [],
    created: `${date} 10:00:00`,
  });
  const p = { ...base, added: '2026-03-01', nextCallback: '2026-03-20' };

  it('a thank-you is owed after the first visit until a message on or after its day', () => {
    expect(owedThankYou([contact(1, '2026-03-08', 'showroom')], TODAY, 3)).toEqual({
      reason: 'thank-you',
      due: '2026-03-09',
      since: '2026-03-08',
    });
    expect(
      owedThankYou([contact(1, '2026-03-08', 'showroom'), contact(2, '2026-03-08', 'call')], TODAY, 3),
    ).not.toBeNull();
    expect(
      owedThankYou([contact(1, '2026-03-08', 'showroom'), contact(2, '2026-03-09', 'wechat')], TODAY, 3),
    ).toBeNull();
    expect(owedThankYou([contact(1, '2026-03-01', 'showroom')], TODAY, 3)).toBeNull();
  });

  it('a stage the kind implied follows the contacts now before it; one given by hand stays', () => {
    const drive = contact(2, '2026-03-03', 'test-drive', 'test-drive');
    const call = contact(3, '2026-03-04', 'call', 'test-drive');
    const deal = contact(4, '2026-03-05', 'call', 'negotiating');
    const before = [contact(1, '2026-03-02', 'call'), drive, call, deal];
    // The test drive deleted: the call after it no longer carries its stage, the --stage stays.
    const after = [before[0]!, call, deal];
    expect([...restage(before, after)]).toEqual([
      [1, 'contacted'],
      [3, 'contacted'],
      [4, 'negotiating'],
    ]);
    // The first call was really a test drive.
    const edited = [{ ...before[0]!, kind: 'test-drive' as const }, call, deal];
    expect(restage(before, edited).get(1)).toBe('test-drive');
  });

  it('deleting the latest contact books the callback after the one before it', () => {
    const before = [contact(1, '2026-03-02', 'call'), contact(2, '2026-03-09', 'test-drive', 'test-drive')];
    const plan = replan({ prospect: p, before, after: before.slice(0, 1), reminders: [], settings, today: TODAY });
    expect(plan).toMatchObject({ stage: 'contacted', nextCallback: '2026-03-09', add: [], clear: [] });
  });

  it('a stage set outside the contacts (edit, won, lost) is kept', () => {
    const before = [contact(1, '2026-03-02', 'call'), contact(2, '2026-03-09', 'test-drive', 'test-drive')];
    for (const stage of ['negotiating', 'won', 'lost'] as const) {
      const plan = replan({
        prospect: { ...p, stage },
        before,
        after: before.slice(0, 1),
        reminders: [],
        settings,
        today: TODAY,
      });
      expect(plan.stage).toBe(stage);
    }
  });

  it('deleting every contact makes them a new lead again', () => {
    const before = [contact(1, '2026-03-02', 'call')];
    const plan = replan({ prospect: p, before, after: [], reminders: [], settings, today: TODAY });
    expect(plan).toMatchObject({ stage: 'new', nextCallback: '2026-03-02' });
  });

  it('an unchanged latest contact keeps the callback booked (perhaps by --next)', () => {
    const before = [contact(1, '2026-03-02', 'call'), contact(2, '2026-03-09', 'call')];
    const after = [{ ...before[0]!, note: 'typo fixed' }, before[1]!];
    expect(replan({ prospect: p, before, after, reminders: [], settings, today: TODAY }).nextCallback).toBe(
      '2026-03-20',
    );
  });

  it('a visit moved to another day moves its thank-you', () => {
    const before = [contact(1, '2026-03-07', 'showroom')];
    const after = [{ ...before[0]!, date: '2026-03-09' }];
    const reminders = [reminder(5, 'thank-you', '2026-03-08', '2026-03-07')];
    expect(replan({ prospect: p, before, after, reminders, settings, today: TODAY })).toMatchObject({
      nextCallback: '2026-03-16',
      clear: [5],
      add: [{ reason: 'thank-you', due: '2026-03-10', since: '2026-03-09' }],
    });
  });

  it('deleting the contact that took a deposit removes its expiry reminder', () => {
    const before = [contact(1, '2026-03-02', 'call'), contact(2, '2026-03-05', 'showroom', 'deposit')];
    const reminders = [
      reminder(7, 'deposit-expiry', '2026-03-12', '2026-03-05'),
      reminder(9, 'top-up', '2026-03-10', '2026-03-05'),
    ];
    const plan = replan({
      prospect: { ...p, stage: 'deposit' },
      before,
      after: before.slice(0, 1),
      reminders,
      settings,
      today: TODAY,
    });
    expect(plan.clear).toEqual(expect.arrayContaining([7, 9]));
    expect(plan.add.filter((r) => r.reason === 'deposit-expiry' || r.reason === 'top-up')).toEqual([]);
  });

  it('a delivery moved to another day moves its check-up call; deleted, it takes it away', () => {
    const before = [contact(1, '2026-03-05', 'delivery', 'delivered')];
    const reminders = [reminder(8, 'delivery-check', '2026-03-12', '2026-03-05')];
    const state = { ...p, stage: 'delivered' as const };
    const moved = replan({
      prospect: state,
      before,
      after: [{ ...before[0]!, date: '2026-03-06' }],
      reminders,
      settings,
      today: TODAY,
    });
    expect(moved).toMatchObject({
      clear: [8],
      add: [{ reason: 'delivery-check', due: '2026-03-13', since: '2026-03-06' }],
    });
    const deleted = replan({ prospect: state, before, after: [], reminders, settings, today: TODAY });
    expect(deleted).toMatchObject({ clear: [8], add: [] });
  });

  it("removing a contact from before the deal keeps a won customer's callback on the won date", () => {
    const before = [contact(1, '2026-03-02', 'showroom'), contact(2, '2026-03-03', 'call')];
    const won = { ...p, stage: 'won' as const, wonOn: '2026-03-05', nextCallback: '2026-06-03' };
    const plan = replan({ prospect: won, before, after: before.slice(0, 1), reminders: [], settings, today: TODAY });
    expect(plan.nextCallback).toBe('2026-06-03');
  });
});
