import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../src/domain/prospect.js';
import {
  callbackAfterRegrade,
  cadenceDays,
  firstCallback,
  planContact,
  planLost,
  planWon,
  stageAfter,
  type ProspectState,
} from '../../src/domain/schedule.js';
import { settingsFrom } from '../../src/domain/settings.js';
import type { Kind } from '../../src/domain/vocab.js';

const settings = settingsFrom({});
const base: ProspectState = {
  kind: 'person',
  stage: 'contacted',
  tier: 'A',
  tierManual: true,
  expected: null,
  nextCallback: '2026-03-09',
};
const plan = (
  over: Partial<Parameters<typeof planContact>[0]> & { contact: Parameters<typeof planContact>[0]['contact'] },
) => planContact({ prospect: base, latest: '2026-03-02', visitedBefore: false, reminders: [], settings, ...over });
const reminder = (id: number, reason: Reminder['reason'], due: string, since: string): Reminder => ({
  id,
  prospectId: 1,
  reason,
  due,
  since,
});

describe('cadence', () => {
  it.each([
    ['person', 'O', 3],
    ['person', 'A', 7],
    ['person', 'B', 15],
    ['person', 'C', 60],
    ['org', 'A', 7],
    ['org', 'B', 14],
    ['org', 'C', 30],
  ] as const)('%s tier %s: every %i days', (kind, tier, days) =>
    expect(cadenceDays(settings, kind, 'contacted', tier)).toBe(days),
  );

  it('uses the keep-in-touch cadence once they bought', () => {
    expect(cadenceDays(settings, 'person', 'delivered', 'O')).toBe(90);
  });

  it('follows the settings', () => {
    expect(cadenceDays(settingsFrom({ 'cadence.person.B': '10' }), 'person', 'new', 'B')).toBe(10);
  });

  it('a new prospect of any tier is first called cadence.new days after it was added', () => {
    expect(firstCallback(settings, '2026-03-02')).toBe('2026-03-03');
    expect(firstCallback(settingsFrom({ 'cadence.new': '2' }), '2026-03-02')).toBe('2026-03-04');
  });
});

describe('a contact', () => {
  it('books the next callback one cadence after its date', () => {
    expect(plan({ contact: { date: '2026-03-04', kind: 'call' } }).nextCallback).toBe('2026-03-11');
  });

  it('takes --next over the cadence', () => {
    expect(plan({ contact: { date: '2026-03-04', kind: 'call', next: '2026-03-20' } }).nextCallback).toBe('2026-03-20');
  });

  it('back-dated before the latest contact leaves the booking alone', () => {
    expect(plan({ latest: '2026-03-05', contact: { date: '2026-03-01', kind: 'call' } }).nextCallback).toBe(
      '2026-03-09',
    );
  });

  it('uses the tier that applies on the contact day', () => {
    const derived = { ...base, tier: 'C' as const, tierManual: false, expected: '2026-03-10' };
    expect(plan({ prospect: derived, contact: { date: '2026-03-04', kind: 'call' } })).toMatchObject({
      tier: 'O',
      nextCallback: '2026-03-07',
    });
  });

  it.each([
    ['new', 'call', 'contacted'],
    ['consulted', 'call', 'consulted'],
    ['contacted', 'test-drive', 'test-drive'],
    ['negotiating', 'test-drive', 'negotiating'],
    ['deposit', 'delivery', 'delivered'],
    ['lost', 'call', 'lost'],
  ] as const)('moves stage %s with a %s to %s', (from, kind, to) => expect(stageAfter(from, kind)).toBe(to));

  it('owes a thank-you the day after the first showroom visit only', () => {
    expect(plan({ contact: { date: '2026-03-04', kind: 'showroom' } }).add).toEqual([
      { reason: 'thank-you', due: '2026-03-05', since: '2026-03-04' },
    ]);
    expect(plan({ visitedBefore: true, contact: { date: '2026-03-04', kind: 'showroom' } }).add).toEqual([]);
  });

  it('clears a thank-you with a message or call on or after its day, nothing else', () => {
    const owed = [reminder(7, 'thank-you', '2026-03-05', '2026-03-04')];
    const clears = (date: string, kind: Kind) => plan({ reminders: owed, contact: { date, kind } }).clear;
    expect(clears('2026-03-05', 'wechat')).toEqual([7]);
    expect(clears('2026-03-06', 'call')).toEqual([7]);
    expect(clears('2026-03-05', 'sms')).toEqual([7]);
    // The same-day test drive or evening call is part of the visit, not the thanks for it.
    expect(clears('2026-03-04', 'test-drive')).toEqual([]);
    expect(clears('2026-03-04', 'call')).toEqual([]);
    expect(clears('2026-03-05', 'showroom')).toEqual([]);
    expect(clears('2026-03-03', 'call')).toEqual([]);
  });

  it('books the delivery check-up a week after delivery', () => {
    const p = plan({ contact: { date: '2026-03-04', kind: 'delivery' } });
    expect(p.stage).toBe('delivered');
    expect(p.add).toContainEqual({ reason: 'delivery-check', due: '2026-03-11', since: '2026-03-04' });
    expect(p.nextCallback).toBe('2026-06-02');
  });

  it('closes delivery with the check-up call', () => {
    const p = plan({
      prospect: { ...base, stage: 'delivered' },
      reminders: [reminder(3, 'delivery-check', '2026-03-11', '2026-03-04')],
      contact: { date: '2026-03-11', kind: 'call' },
    });
    expect(p).toMatchObject({ stage: 'follow-up', clear: [3] });
  });

  it('reminds on the day a deposit expires and forgets it once the stage moves on', () => {
    const held = plan({ contact: { date: '2026-03-04', kind: 'showroom', stage: 'deposit', holdUntil: '2026-03-06' } });
    expect(held.add).toContainEqual({ reason: 'deposit-expiry', due: '2026-03-06', since: '2026-03-04' });
    const moved = plan({
      prospect: { ...base, stage: 'deposit' },
      reminders: [reminder(4, 'deposit-expiry', '2026-03-06', '2026-03-04')],
      contact: { date: '2026-03-05', kind: 'call', stage: 'negotiating' },
    });
    expect(moved.clear).toEqual([4]);
  });

  it('a hold alone means the deposit stage', () => {
    expect(plan({ contact: { date: '2026-03-04', kind: 'call', holdUntil: '2026-03-06' } }).stage).toBe('deposit');
  });
});

describe('closing', () => {
  it('won: thank-you tomorrow, keep in touch after; the check-up waits for the delivery', () => {
    const won = planWon(base, [reminder(1, 'deposit-expiry', '2026-03-06', '2026-03-04')], '2026-03-05', settings);
    expect(won).toEqual({
      stage: 'won',
      tier: 'A',
      nextCallback: '2026-06-03',
      add: [{ reason: 'thank-you', due: '2026-03-06', since: '2026-03-05' }],
      clear: [1],
    });
  });

  it('lost: never due again', () => {
    expect(planLost(base, [reminder(2, 'thank-you', '2026-03-06', '2026-03-05')])).toMatchObject({
      nextCallback: null,
      clear: [2],
      add: [],
    });
  });
});

describe('re-grading', () => {
  const regrade = (tier: 'O' | 'A' | 'B' | 'C', next: string | null, anchor = '2026-03-01') =>
    callbackAfterRegrade({
      prospect: { ...base, tier: 'B', nextCallback: next },
      newTier: tier,
      anchor,
      today: '2026-03-02',
      settings,
    });

  it('a hotter tier pulls the callback in', () => expect(regrade('O', '2026-03-16')).toBe('2026-03-04'));
  it('never into the past', () => expect(regrade('O', '2026-03-16', '2026-02-01')).toBe('2026-03-02'));
  it('never later than booked', () => expect(regrade('A', '2026-03-03')).toBe('2026-03-03'));
  it('a cooler tier keeps the booking', () => expect(regrade('C', '2026-03-16')).toBe('2026-03-16'));
});
