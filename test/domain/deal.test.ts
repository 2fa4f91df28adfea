// The deal after yes (issue 13), as pure rules: deposits, deadlines, the morning order.
import { describe, expect, it } from 'vitest';
import { dealAfterContact, deadlineReminders, liveDeposit, NO_DEAL, parseAmount } from '../../src/domain/deal.js';
import { compareDue, oneRowPerDuty, type DueItem } from '../../src/domain/due.js';
import { planContact } from '../../src/domain/schedule.js';
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
