import { describe, expect, it } from 'vitest';
import { birthdayDue } from '../../src/domain/dates.js';
import { compareDue, lapsed, monthDays, openingTopic, overdueDays, type DueItem } from '../../src/domain/due.js';

const item = (id: number, tier: DueItem['tier'], due: string, reason: DueItem['reason'] = 'callback'): DueItem => ({
  id,
  name: `p${id}`,
  phone: null,
  tier,
  group: tier,
  stage: 'contacted',
  due,
  overdueDays: 0,
  reason,
  lastContact: null,
  topic: 'consult',
});

describe('the morning order', () => {
  it('hottest tier first, most overdue first within a tier, then by id', () => {
    const items = [
      item(5, 'B', '2026-03-01'),
      item(2, 'A', '2026-03-02'),
      item(9, 'O', '2026-03-02'),
      item(1, 'A', '2026-02-20'),
      item(3, 'A', '2026-03-02'),
      item(4, 'O', '2026-02-27'),
      item(3, 'A', '2026-03-02', 'birthday'),
    ];
    expect(items.sort(compareDue).map((i) => `${i.tier}${i.id}${i.reason === 'birthday' ? 'b' : ''}`)).toEqual([
      'O4',
      'O9',
      'A1',
      'A2',
      'A3',
      'A3b',
      'B5',
    ]);
  });

  it.each([
    ['2026-03-02', '2026-03-02', 0],
    ['2026-02-27', '2026-03-02', 3],
    ['2026-12-29', '2027-01-03', 5],
    ['2028-02-27', '2028-03-01', 3],
    ['2026-03-05', '2026-03-02', 0],
  ])('due %s seen on %s is %i days overdue', (due, on, days) => expect(overdueDays(due, on)).toBe(days));
});

describe('birthdays', () => {
  it('lists the month-days of a window, across the year end', () => {
    expect(monthDays('2026-12-30', '2027-01-02')).toEqual(['12-30', '12-31', '01-01', '01-02']);
  });

  it('includes 29 February when the window holds 28 February of a common year', () => {
    expect(monthDays('2027-02-28', '2027-02-28')).toEqual(['02-28', '02-29']);
  });

  it.each([
    ['1980-03-02', '2026-03-02', '2026-03-02', '2026-03-02'],
    ['01-01', '2026-12-30', '2027-01-02', '2027-01-01'],
    ['1980-03-05', '2026-03-02', '2026-03-02', null],
    ['2000-02-29', '2027-02-28', '2027-02-28', '2027-02-28'],
  ])('%s in %s..%s → %s', (birthday, from, to, due) => expect(birthdayDue(birthday, from, to)).toBe(due));
});

describe('opening topic', () => {
  it.each([
    ['new', 'callback', 'consult'],
    ['consulted', 'callback', 'present'],
    ['test-drive', 'callback', 'negotiate'],
    ['deposit', 'deposit-expiry', 'close'],
    ['delivered', 'delivery-check', 'delivery'],
    ['negotiating', 'thank-you', 'follow-up'],
    ['contacted', 'milestone', 'consult'],
  ] as const)('%s prospect due for %s opens with %s', (stage, reason, topic) =>
    expect(openingTopic(stage, reason, 'car')).toBe(topic),
  );

  it("a trade's own script comes first, for a callback and a milestone alike", () => {
    expect(openingTopic('contacted', 'callback', 'medical')).toBe('consult-medical');
    expect(openingTopic('contacted', 'milestone', 'medical')).toBe('consult-medical');
    expect(openingTopic('contacted', 'thank-you', 'medical')).toBe('follow-up');
  });
});

describe('an appointment lapses by the one lapse rule', () => {
  // It was a special case in the morning list's loop; now lastDay says it, as for its confirmation.
  it('is shown on its day and never as overdue after it', () => {
    expect(lapsed('appointment', '2026-03-05', '2026-03-05', { lapse: 3 })).toBe(false);
    expect(lapsed('appointment', '2026-03-05', '2026-03-06', { lapse: 3 })).toBe(true);
    expect(lapsed('confirm-appointment', '2026-03-04', '2026-03-05', { lapse: 3 })).toBe(true);
  });
});
