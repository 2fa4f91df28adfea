// The deal after yes (issue 13), as pure rules: deposits, deadlines, the morning order.
import { describe, expect, it } from 'vitest';
import {
  dealAfterContact,
  deadlineReminders,
  liveDeposit,
  NO_DEAL,
  orderReminders,
  parseAmount,
  planDealChange,
} from '../../src/domain/deal.js';
import { compareDue, keepInTouchFallback, oneRowPerDuty, type DueItem } from '../../src/domain/due.js';
import { confirmation, parseWhen } from '../../src/domain/appointment.js';
import type { Reminder } from '../../src/domain/prospect.js';
import { referralTable, thanksForPurchase, thanksForReferral } from '../../src/domain/referral.js';
import { planContact, planWon } from '../../src/domain/schedule.js';
import { settingsFrom } from '../../src/domain/settings.js';
import { effectiveTier } from '../../src/domain/tier.js';

const settings = settingsFrom({});
const deal = { prospectId: 1, ...NO_DEAL, depositOn: '2026-03-02', holdUntil: '2026-03-09', deposit: 5000 };

describe('deposits', () => {
  it('reads amounts as consultants type them', () => {
    expect(parseAmount('5000')).toBe(5000);
    expect(parseAmount('5,000')).toBe(5000);
    expect(parseAmount('5k')).toBe(5000);
    expect(parseAmount('2万')).toBe(20000);
    expect(parseAmount('39.8万')).toBe(398000);
    expect(() => parseAmount('lots')).toThrow();
    expect(() => parseAmount('0')).toThrow();
  });

  it('holds while at the deposit stage, unrefunded and within the hold', () => {
    expect(liveDeposit('deposit', deal, '2026-03-09')).toBe(true);
    expect(liveDeposit('deposit', deal, '2026-03-10')).toBe(false);
    expect(liveDeposit('negotiating', deal, '2026-03-03')).toBe(false);
    expect(liveDeposit('deposit', { ...deal, refundedOn: '2026-03-03' }, '2026-03-04')).toBe(false);
    expect(liveDeposit('deposit', { ...deal, holdUntil: null }, '2027-01-01')).toBe(true);
  });

  it('makes a B prospect tier O while it holds, and B again once it lapses', () => {
    const p = { tier: 'B' as const, tierManual: true, expected: null, stage: 'deposit' as const, deal };
    expect(effectiveTier(p, '2026-03-05')).toBe('O');
    expect(effectiveTier(p, '2026-03-10')).toBe('B');
  });

  it('reminds the day before a deadline and on the day, not on the day of the contact that set it', () => {
    expect(deadlineReminders('top-up', '2026-03-06', '2026-03-02').map((r) => r.due)).toEqual([
      '2026-03-05',
      '2026-03-06',
    ]);
    expect(deadlineReminders('top-up', '2026-03-03', '2026-03-02').map((r) => r.due)).toEqual(['2026-03-03']);
  });

  it('books the callback on the O cadence once a deposit is taken, with both deadlines reminded', () => {
    const plan = planContact({
      prospect: {
        kind: 'person',
        stage: 'negotiating',
        tier: 'B',
        tierManual: true,
        expected: null,
        nextCallback: null,
      },
      latest: null,
      visitedBefore: true,
      reminders: [],
      contact: { date: '2026-03-02', kind: 'showroom', deposit: 5000, holdUntil: '2026-03-09', topUpBy: '2026-03-06' },
      settings,
    });
    expect(plan.stage).toBe('deposit');
    expect(plan.tier).toBe('O');
    expect(plan.nextCallback).toBe('2026-03-05');
    expect(plan.add.map((r) => `${r.reason} ${r.due}`)).toEqual([
      'deposit-expiry 2026-03-08',
      'deposit-expiry 2026-03-09',
      'top-up 2026-03-05',
      'top-up 2026-03-06',
    ]);
  });

  it('a call the day before clears only that reminder; the day itself still comes', () => {
    const reminders = [
      { id: 1, prospectId: 1, reason: 'top-up' as const, due: '2026-03-05', since: '2026-03-02' },
      { id: 2, prospectId: 1, reason: 'top-up' as const, due: '2026-03-06', since: '2026-03-02' },
    ];
    const plan = planContact({
      prospect: {
        kind: 'person',
        stage: 'deposit',
        tier: 'B',
        tierManual: true,
        expected: null,
        nextCallback: null,
        deal,
      },
      latest: '2026-03-02',
      visitedBefore: true,
      reminders,
      contact: { date: '2026-03-05', kind: 'call' },
      settings,
    });
    expect(plan.clear).toEqual([1]);
  });

  it('a stage change off the deposit is a refund; won is not', () => {
    const running = { ...deal };
    expect(dealAfterContact(running, 'deposit', 'negotiating', { date: '2026-03-04' })).toEqual({
      refundedOn: '2026-03-04',
    });
    expect(dealAfterContact(running, 'deposit', 'delivered', { date: '2026-03-04' })).toBeNull();
    expect(dealAfterContact(null, 'negotiating', 'deposit', { date: '2026-03-04', deposit: 3000 })).toMatchObject({
      deposit: 3000,
      depositOn: '2026-03-04',
      refundedOn: null,
    });
  });
});

describe('the morning order', () => {
  const item = (id: number, due: string, deposit: boolean, reason: DueItem['reason'] = 'callback'): DueItem => ({
    id,
    name: `P${id}`,
    phone: null,
    tier: 'O',
    group: 'O',
    stage: deposit ? 'deposit' : 'negotiating',
    due,
    overdueDays: 0,
    reason,
    lastContact: null,
    topic: 'close',
    ...(deposit ? { deposit: true as const } : {}),
  });

  it('puts a deposit-holder before every other O, however overdue they are', () => {
    const sorted = [item(1, '2026-02-01', false), item(2, '2026-03-05', true), item(3, '2026-02-20', false)].sort(
      compareDue,
    );
    expect(sorted.map((i) => i.id)).toEqual([2, 1, 3]);
  });

  it('shows a deadline once when both its reminders are due: the day itself', () => {
    const rows = oneRowPerDuty([
      item(2, '2026-03-05', true, 'top-up'),
      item(2, '2026-03-06', true, 'top-up'),
      item(2, '2026-03-05', true),
    ]);
    expect(rows.map((r) => `${r.reason} ${r.due}`)).toEqual(['top-up 2026-03-06', 'callback 2026-03-05']);
  });
});

describe('orders and delivery', () => {
  const reminder = (id: number, reason: Reminder['reason'], due: string): Reminder => ({
    id,
    prospectId: 1,
    reason,
    due,
    since: '2026-03-02',
  });

  it('won books the thank-you and the delivery prep the day before, but no check-up yet', () => {
    const plan = planWon(
      { kind: 'person', stage: 'deposit', tier: 'A', tierManual: true, expected: null, nextCallback: null },
      [],
      '2026-03-02',
      settings,
      { delivery: '2026-03-20' },
    );
    expect(plan.add.map((r) => `${r.reason} ${r.due}`)).toEqual(['thank-you 2026-03-03', 'delivery-prep 2026-03-19']);
  });

  it('the check-up is a week after the hand-over, with the first service and the anniversary', () => {
    const plan = planContact({
      prospect: {
        kind: 'person',
        stage: 'won',
        tier: 'A',
        tierManual: true,
        expected: null,
        nextCallback: null,
        deal: { prospectId: 1, ...NO_DEAL, delivery: '2026-03-20' },
      },
      latest: '2026-03-02',
      visitedBefore: true,
      reminders: [reminder(7, 'delivery-prep', '2026-03-19')],
      contact: { date: '2026-03-25', kind: 'delivery' },
      settings: settingsFrom({ 'aftersales.first-service': '60' }),
    });
    expect(plan.stage).toBe('delivered');
    expect(plan.clear).toEqual([7]);
    expect(plan.add.map((r) => `${r.reason} ${r.due}`)).toEqual([
      'delivery-check 2026-04-01',
      'first-service 2026-05-24',
      'anniversary 2027-03-25',
    ]);
  });

  it('moving the delivery moves its reminder and owes a call; a first date owes none', () => {
    const deal = { prospectId: 1, ...NO_DEAL, delivery: '2026-03-20' };
    const moved = planDealChange(
      deal,
      [reminder(3, 'delivery-prep', '2026-03-19')],
      { delivery: '2026-03-25' },
      '2026-03-10',
    );
    expect(moved).toMatchObject({
      fields: { delivery: '2026-03-25' },
      clear: [3],
      add: [{ reason: 'delivery-prep', due: '2026-03-24' }],
      callNow: true,
    });
    expect(planDealChange({ ...deal, delivery: null }, [], { delivery: '2026-03-25' }, '2026-03-10').callNow).toBe(
      false,
    );
    expect(planDealChange(deal, [], { delivery: '2026-03-20' }, '2026-03-10')).toMatchObject({
      add: [],
      callNow: false,
    });
  });
});

describe('after-sales', () => {
  it('insurance: 60 and 30 days ahead, then weekly until the date', () => {
    expect(orderReminders({ insuranceUntil: '2026-06-30' }, '2026-03-02').map((r) => r.due)).toEqual([
      '2026-05-01',
      '2026-05-31',
      '2026-06-07',
      '2026-06-14',
      '2026-06-21',
      '2026-06-28',
    ]);
  });

  it('a maturing product is raised 30 days ahead', () => {
    expect(orderReminders({ matures: '2026-09-30' }, '2026-03-02')).toEqual([
      { reason: 'maturity', due: '2026-08-31', since: '2026-03-02' },
    ]);
  });

  it('renewed: every renewal reminder goes, next year is chased in its turn', () => {
    const reminders = [
      { id: 1, prospectId: 1, reason: 'insurance-renewal' as const, due: '2026-05-31', since: '2026-03-02' },
      { id: 2, prospectId: 1, reason: 'insurance-renewal' as const, due: '2026-06-07', since: '2026-03-02' },
    ];
    const plan = planContact({
      prospect: {
        kind: 'person',
        stage: 'delivered',
        tier: 'A',
        tierManual: true,
        expected: null,
        nextCallback: null,
        deal: { prospectId: 1, ...NO_DEAL, deliveredOn: '2026-03-25', insuranceUntil: '2026-06-30' },
      },
      latest: '2026-03-25',
      visitedBefore: true,
      reminders,
      contact: { date: '2026-06-01', kind: 'call', renewed: true },
      settings,
    });
    expect(plan.clear).toEqual([1, 2]);
    expect(plan.add[0]).toEqual({ reason: 'insurance-renewal', due: '2027-05-01', since: '2026-06-01' });
  });

  it('the anniversary, once greeted, comes round next year', () => {
    const plan = planContact({
      prospect: { kind: 'person', stage: 'follow-up', tier: 'A', tierManual: true, expected: null, nextCallback: null },
      latest: '2026-12-01',
      visitedBefore: true,
      reminders: [{ id: 4, prospectId: 1, reason: 'anniversary', due: '2027-03-25', since: '2026-03-25' }],
      contact: { date: '2027-03-25', kind: 'wechat' },
      settings,
    });
    expect(plan.add).toContainEqual({ reason: 'anniversary', due: '2028-03-25', since: '2027-03-25' });
  });

  it('a customer with a duty due is not also listed for the plain keep-in-touch callback', () => {
    const base = {
      name: 'X',
      phone: null,
      tier: 'A' as const,
      group: 'customers' as const,
      stage: 'delivered' as const,
      overdueDays: 0,
      lastContact: null,
      topic: 'aftersales',
    };
    const kept = keepInTouchFallback([
      { ...base, id: 1, due: '2026-06-23', reason: 'callback' },
      { ...base, id: 1, due: '2026-06-23', reason: 'first-service' },
      { ...base, id: 2, due: '2026-06-23', reason: 'callback' },
    ]);
    expect(kept.map((i) => `${i.id} ${i.reason}`)).toEqual(['1 first-service', '2 callback']);
  });
});

describe('referrals', () => {
  it('counts per referrer what came of each referral, the best referrers first', () => {
    const table = referralTable([
      { referrerId: 1, referrer: 'Old', stage: 'won' },
      { referrerId: 1, referrer: 'Old', stage: 'negotiating' },
      { referrerId: 4, referrer: 'Four', stage: 'lost' },
      { referrerId: 1, referrer: 'Old', stage: 'follow-up' },
    ]);
    expect(table).toEqual([
      { referrerId: 1, referrer: 'Old', referred: 3, bought: 2, open: 1, lost: 0 },
      { referrerId: 4, referrer: 'Four', referred: 1, bought: 0, open: 0, lost: 1 },
    ]);
  });

  it('thanks on the day of the favour, and the day after the referral signs', () => {
    expect(thanksForReferral('2026-03-02')).toEqual({ reason: 'thank-you', due: '2026-03-02', since: '2026-03-02' });
    expect(thanksForPurchase('2026-03-09').due).toBe('2026-03-10');
  });
});

describe('appointments', () => {
  it('reads a day and a 24-hour time, refusing the past and nonsense', () => {
    expect(parseWhen('sat 10:00', '2026-03-02')).toEqual({ day: '2026-03-07', time: '10:00' });
    expect(parseWhen('2026-03-03 9:05', '2026-03-02')).toEqual({ day: '2026-03-03', time: '09:05' });
    expect(() => parseWhen('sat', '2026-03-02')).toThrow();
    expect(() => parseWhen('sat 25:00', '2026-03-02')).toThrow();
    expect(() => parseWhen('2026-03-01 10:00', '2026-03-02')).toThrow();
  });

  it('is confirmed the day before, unless booked that day', () => {
    expect(confirmation('2026-03-07', '2026-03-02')).toEqual({
      reason: 'confirm-appointment',
      due: '2026-03-06',
      since: '2026-03-02',
    });
    expect(confirmation('2026-03-03', '2026-03-02')).toBeNull();
  });

  it('comes first on its morning, by time, before even a deposit-holder', () => {
    const base = {
      name: 'X',
      phone: null,
      tier: 'B' as const,
      group: 'B' as const,
      stage: 'contacted' as const,
      overdueDays: 0,
      lastContact: null,
      topic: 'reception',
      due: '2026-03-07',
    };
    const sorted = [
      { ...base, id: 1, reason: 'callback' as const, tier: 'O' as const, group: 'O' as const, deposit: true as const },
      { ...base, id: 2, reason: 'appointment' as const, time: '15:00' },
      { ...base, id: 3, reason: 'appointment' as const, time: '09:30' },
    ].sort(compareDue);
    expect(sorted.map((i) => i.id)).toEqual([3, 2, 1]);
  });
});
