// How a customer is addressed: typed, or built from surname and gender, and only in Chinese.
import { describe, expect, it } from 'vitest';
import { parseGender, salutationOf, surname } from '../../src/domain/salutation.js';
import { spokenDay, visitedOn } from '../../src/domain/script.js';

describe('salutation', () => {
  it('takes the surname of a Chinese name, two characters for a compound surname', () => {
    expect(surname('王建国')).toBe('王');
    expect(surname('欧阳娜娜')).toBe('欧阳');
    expect(surname('林峰')).toBe('林');
    expect(surname('Wang Lei')).toBeUndefined();
  });

  it('addresses by surname and gender in Chinese, as typed when given, by name otherwise', () => {
    expect(salutationOf({ name: '林峰', gender: 'm' }, 'zh')).toBe('林先生');
    expect(salutationOf({ name: '欧阳娜娜', gender: 'f' }, 'zh')).toBe('欧阳女士');
    expect(salutationOf({ name: '张伟', salutation: '张总', gender: 'm' }, 'zh')).toBe('张总');
    expect(salutationOf({ name: '林峰' }, 'zh')).toBe('林峰');
    expect(salutationOf({ name: '林峰', gender: 'm' }, 'en')).toBe('林峰');
    expect(salutationOf({ name: 'Wang Lei', salutation: 'Mr Wang' }, 'en')).toBe('Mr Wang');
  });

  it('reads a gender in either language and refuses anything else', () => {
    expect(parseGender('女')).toBe('f');
    expect(parseGender('M')).toBe('m');
    expect(() => parseGender('x')).toThrow();
  });
});

describe('the day a thank-you names', () => {
  const words = { today: '今天', yesterday: '昨天', dayBefore: '前天', earlier: '前几天' };
  it('says 昨天 the day after, 今天 the same day', () => {
    expect(spokenDay('2026-09-19', '2026-09-20', words)).toBe('昨天');
    expect(spokenDay('2026-09-20', '2026-09-20', words)).toBe('今天');
    expect(spokenDay('2026-09-18', '2026-09-20', words)).toBe('前天');
    expect(spokenDay('2026-09-10', '2026-09-20', words)).toBe('前几天');
  });

  it('is the day of the owed thank-you, else the last time they came in', () => {
    expect(
      visitedOn([{ reason: 'thank-you', since: '2026-09-15' }], [{ date: '2026-09-19', kind: 'showroom' }]),
    ).toBe('2026-09-15');
    expect(
      visitedOn(
        [],
        [
          { date: '2026-09-12', kind: 'showroom' },
          { date: '2026-09-19', kind: 'call' },
        ],
      ),
    ).toBe('2026-09-12');
    expect(visitedOn([], [])).toBeUndefined();
  });
});
