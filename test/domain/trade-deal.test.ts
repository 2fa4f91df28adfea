// The hand-over starts after-sales calls only where the trade has them (finding 10).
import { describe, expect, it } from 'vitest';
import { planContact } from '../../src/domain/schedule.js';
import { settingsFrom } from '../../src/domain/settings.js';
import type { Trade } from '../../src/domain/trade.js';

const deliver = (book: string, trade: Trade | null) =>
  planContact({
    prospect: { kind: 'person', stage: 'won', tier: 'C', tierManual: false, expected: null, nextCallback: null, trade },
    latest: null,
    visitedBefore: true,
    reminders: [],
    contact: { date: '2026-09-20', kind: 'delivery' },
    settings: settingsFrom({ trade: book }),
  }).add.map((r) => r.reason);

describe('after the hand-over', () => {
  it('a car is owed its first service and anniversary; a trip home, a house or a policy is not', () => {
    expect(deliver('car', null)).toEqual(['delivery-check', 'first-service', 'anniversary']);
    expect(deliver('travel', 'car')).toEqual(['delivery-check', 'first-service', 'anniversary']);
    for (const trade of ['real-estate', 'insurance'] as const) {
      expect(deliver(trade, null), trade).toEqual(['delivery-check']);
      expect(deliver('car', trade), trade).toEqual(['delivery-check']);
    }
    // Home from a trip, its quality call (trip.ts) is the after-trip call: no second one.
    expect(deliver('travel', null)).toEqual([]);
    expect(deliver('car', 'travel')).toEqual([]);
  });
});
