import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  birthdayIn,
  daysBetween,
  parseBirthday,
  parseDay,
  stampOf,
} from '../../src/domain/dates.js';
import { DealerError } from '../../src/domain/errors.js';

const TODAY = '2026-11-27'; // a Friday

describe('parseDay', () => {
  it.each([
    ['2026-12-01', '2026-12-01'],
    ['today', TODAY],
    ['Tomorrow', '2026-11-28'],
    ['yesterday', '2026-11-26'],
    ['今天', TODAY],
    ['明天', '2026-11-28'],
    ['昨天', '2026-11-26'],
    ['+3d', '2026-11-30'],
    ['-3d', '2026-11-24'],
    ['+2w', '2026-12-11'],
    ['+1m', '2026-12-27'],
    ['+1y', '2027-11-27'],
    ['+10天', '2026-12-07'],
  ])('%s → %s', (input, expected) => expect(parseDay(input, TODAY)).toBe(expected));

  it.each([
    ['mon', 'future', '2026-11-30'],
    ['fri', 'future', '2026-12-04'],
    ['friday', 'past', TODAY],
    ['mon', 'past', '2026-11-23'],
    ['周一', 'future', '2026-11-30'],
    ['星期五', 'past', TODAY],
    ['周日', 'future', '2026-11-29'],
  ] as const)('weekday %s leaning %s → %s', (input, lean, expected) =>
    expect(parseDay(input, TODAY, lean)).toBe(expected),
  );

  it.each(['2026-02-30', '2026-13-01', '2025-02-29', '31/12/2026', 'soon', '', '+3x', 'next week'])(
    'rejects %j',
    (input) => {
      expect(() => parseDay(input, TODAY)).toThrow(DealerError);
      try {
        parseDay(input, TODAY);
      } catch (e) {
        expect((e as DealerError).exitCode).toBe(2);
        expect((e as DealerError).code).toBe('badDate');
      }
    },
  );

  it('accepts 29 February in a leap year', () => expect(parseDay('2028-02-29', TODAY)).toBe('2028-02-29'));
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i month → %s', (day, n, expected) => expect(addMonths(day, n)).toBe(expected));

  it('crosses month and year ends by calendar days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across a DST change in Europe
  });

  it('stamps local time with the day it belongs to', () => {
    const at = new Date(2026, 10, 27, 8, 5, 9);
    expect(stampOf(at)).toBe('2026-11-27 08:05:09');
    expect(stampOf(at, '2026-11-20')).toBe('2026-11-20 08:05:09');
  });
});

describe('birthdays', () => {
  it.each([
    ['1985-03-02', '1985-03-02'],
    ['3-2', '03-02'],
    ['12-31', '12-31'],
  ])('%s is stored as %s', (input, expected) => expect(parseBirthday(input)).toBe(expected));

  it.each(['13-01', '02-30', '1985-02-29', 'March 2'])('rejects %s', (input) =>
    expect(() => parseBirthday(input)).toThrow(DealerError),
  );

  it('moves 29 February to 28 February outside leap years', () => {
    expect(birthdayIn('2000-02-29', 2027)).toBe('2027-02-28');
    expect(birthdayIn('02-29', 2028)).toBe('2028-02-29');
  });
});
