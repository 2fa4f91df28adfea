// Lunar birthdays and festival dates, with the real Chinese calendar (lunar-javascript).
import { describe, expect, it } from 'vitest';
import { birthdayAround, lunarBirthdayDue, lunarToSolar } from '../../src/actions/lunar.js';
import { comingFestival, findFestival, nextOccurrence } from '../../src/domain/festival.js';
import { lunarBirthdayText, parseLunarBirthday } from '../../src/domain/lunar-birthday.js';

describe('lunar birthdays', () => {
  it('reads the ways a consultant writes one', () => {
    expect(parseLunarBirthday('农历三月初二')).toBe('03-02');
    expect(parseLunarBirthday('农历腊月廿三')).toBe('12-23');
    expect(parseLunarBirthday('农历正月十五')).toBe('01-15');
    expect(parseLunarBirthday('农历十一月三十')).toBe('11-30');
    expect(parseLunarBirthday('阴历八月二十')).toBe('08-20');
    expect(parseLunarBirthday('农历3-2')).toBe('03-02');
    expect(parseLunarBirthday('1980-05-06')).toBeUndefined();
    expect(() => parseLunarBirthday('农历十三月初二')).toThrow();
    expect(lunarBirthdayText('12-23')).toBe('农历腊月廿三');
    expect(lunarBirthdayText('03-02')).toBe('农历三月初二');
  });

  it('falls on a different solar day each year', () => {
    expect(lunarBirthdayDue('03-02', '2026-01-01', '2026-12-31')).toBe('2026-04-18');
    expect(lunarBirthdayDue('03-02', '2027-01-01', '2027-12-31')).toBe('2027-04-08');
    expect(lunarBirthdayDue('03-02', '2027-04-09', '2027-12-31')).toBeNull();
    // The rules see this year's solar day; a solar birthday passes through.
    expect(birthdayAround({ birthday: null, lunarBirthday: '03-02' }, '2027-04-08')).toBe('2027-04-08');
    expect(birthdayAround({ birthday: '05-06', lunarBirthday: null }, '2027-04-08')).toBe('05-06');
  });

  it('puts a 30th on the last day of a short month', () => {
    // Lunar 2026's twelfth month has 29 days.
    expect(lunarToSolar(2026, 12, 30)).toBe(lunarToSolar(2026, 12, 29));
  });
});

describe('festivals', () => {
  it('finds the next Mid-Autumn, Dragon Boat and Spring Festival from a day', () => {
    expect(nextOccurrence(findFestival('中秋'), '2026-09-01', lunarToSolar)).toBe('2026-09-25');
    expect(nextOccurrence(findFestival('中秋节'), '2026-09-26', lunarToSolar)).toBe('2027-09-15');
    expect(nextOccurrence(findFestival('端午'), '2026-09-01', lunarToSolar)).toBe('2027-06-09');
    expect(nextOccurrence(findFestival('春节'), '2026-09-01', lunarToSolar)).toBe('2027-02-06');
    expect(nextOccurrence(findFestival('元旦'), '2026-09-01', lunarToSolar)).toBe('2027-01-01');
    expect(comingFestival('2026-09-01', lunarToSolar).festival.key).toBe('mid-autumn');
    expect(() => findFestival('情人节')).toThrow();
  });
});
