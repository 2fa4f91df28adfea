// A trip's dates as typed: the return counts from the departure, and a refusal names what was typed.
import { describe, expect, it } from 'vitest';
import { fieldsFromOptions } from '../../src/input/prospect-flags.js';
import { DealerError } from '../../src/domain/errors.js';

// 2026-03-11 is a Wednesday.
const today = '2026-03-11';
const trip = (departs: string, returns: string) => {
  const f = fieldsFromOptions({ departs, returns }, today);
  return `${f.departs} ${f.returns}`;
};
const refusal = (departs: string, returns: string) => {
  try {
    fieldsFromOptions({ departs, returns }, today);
  } catch (e) {
    if (e instanceof DealerError) return e;
  }
  throw new Error('not refused');
};

describe('trip dates as typed', () => {
  it('reads a weekday or a +N return from the departure, a full date or tomorrow from today', () => {
    expect(trip('fri', 'thu')).toBe('2026-03-13 2026-03-19');
    expect(trip('2026-04-01', '+6d')).toBe('2026-04-01 2026-04-07');
    expect(trip('2026-04-01', '2026-04-03')).toBe('2026-04-01 2026-04-03');
    expect(trip('today', 'tomorrow')).toBe('2026-03-11 2026-03-12');
  });

  it('names what was typed beside the day it meant', () => {
    const e = refusal('2026-04-01', '2026-03-30');
    expect(e.code).toBe('tripBackwards');
    expect(e.params).toMatchObject({ departs: '2026-04-01', returns: '2026-03-30' });
    const long = refusal('tomorrow', '+2y');
    expect(long.code).toBe('tripTooLong');
    expect(long.params).toMatchObject({ departs: 'tomorrow (2026-03-12)', returns: '+2y (2028-03-12)' });
  });
});
