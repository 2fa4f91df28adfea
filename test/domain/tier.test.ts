import { describe, expect, it } from 'vitest';
import { DealerError } from '../../src/domain/errors.js';
import {
  effectiveTier,
  expectedFromWindow,
  orgTier,
  qualify,
  tierForDate,
  tierFromDays,
  windowDays,
} from '../../src/domain/tier.js';

describe('tier from the purchase window', () => {
  it.each([
    [-5, 'O'],
    [0, 'O'],
    [7, 'O'],
    [8, 'A'],
    [30, 'A'],
    [31, 'B'],
    [90, 'B'],
    [91, 'C'],
    [400, 'C'],
  ] as const)('%i days → %s', (days, tier) => expect(tierFromDays(days)).toBe(tier));

  it.each([
    ['1w', 7],
    ['1m', 30],
    ['3m', 90],
    ['6m', 180],
    ['10d', 10],
    ['2w', 14],
    ['3个月', 90],
  ] as const)('%s is %i days', (w, days) => expect(windowDays(w)).toBe(days));

  it.each(['soon', '1y', '', 'm'])('rejects window %j', (w) => expect(() => windowDays(w)).toThrow(DealerError));

  it('makes --within land in its own tier', () => {
    for (const [w, tier] of [
      ['1w', 'O'],
      ['1m', 'A'],
      ['3m', 'B'],
      ['6m', 'C'],
    ] as const) {
      expect(tierForDate(expectedFromWindow(w, '2026-01-31'), '2026-01-31')).toBe(tier);
    }
  });

  it('moves a derived tier up as the date approaches, and leaves a hand-set one', () => {
    const p = { tier: 'C' as const, tierManual: false, expected: '2026-06-30' };
    expect(effectiveTier(p, '2026-01-01')).toBe('C');
    expect(effectiveTier(p, '2026-04-01')).toBe('B');
    expect(effectiveTier(p, '2026-06-01')).toBe('A');
    expect(effectiveTier(p, '2026-06-25')).toBe('O');
    expect(effectiveTier({ ...p, tierManual: true }, '2026-06-25')).toBe('C');
    expect(effectiveTier({ ...p, expected: null }, '2026-06-25')).toBe('C');
  });
});

describe('organisations', () => {
  it.each([
    ['short', 'large', 'A'],
    ['short', 'small', 'B'],
    ['long', 'large', 'C'],
  ] as const)('%s cycle, %s batches → %s', (cycle, batch, tier) => expect(orgTier(cycle, batch)).toBe(tier));

  it('keeps long cycle with small batches on C (a reserve account), not refused', () => {
    expect(orgTier('long', 'small')).toBe('C');
  });

  it('never grades an organisation O from a date: A at most, an individual O', () => {
    const soon = { tier: 'A' as const, tierManual: false, expected: '2026-03-04' };
    expect(effectiveTier({ ...soon, kind: 'org' }, '2026-03-02')).toBe('A');
    expect(effectiveTier({ ...soon, kind: 'person' }, '2026-03-02')).toBe('O');
    // A far date grades an organisation as it does a person.
    expect(effectiveTier({ ...soon, kind: 'org', expected: '2026-05-15' }, '2026-03-02')).toBe('B');
  });
});

describe('qualification', () => {
  it.each([
    [true, true, true, 'qualified'],
    [true, true, false, 'not-priority'],
    [true, false, true, 'not-prospect'],
    [false, true, true, 'not-prospect'],
    [false, false, true, 'not-prospect'],
    [true, false, false, 'not-prospect'],
  ] as const)('need %s, can pay %s, decides %s → %s', (n, c, d, verdict) => expect(qualify(n, c, d)).toBe(verdict));
});
