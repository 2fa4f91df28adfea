import { describe, expect, it } from 'vitest';
import { eventUid, readAlarm, reconcile } from '../../src/domain/calendar.js';
import { DealerError } from '../../src/domain/errors.js';

describe('eventUid', () => {
  it('names the duty, the prospect, a birthday year and the book, nothing of its path', () => {
    expect(eventUid('b00c', 'callback', 42, '2026-03-05')).toBe('callback-42-b00c@dealer');
    expect(eventUid('b00c', 'birthday', 42, '2026-03-10')).toBe('birthday-42-2026-b00c@dealer');
  });
});

describe('reconcile', () => {
  const previous = {
    'callback-1-x@dealer': '2026-03-02',
    'callback-2-x@dealer': '2026-03-09',
    'birthday-3-2026-x@dealer': '2026-03-01',
    'birthday-4-2026-x@dealer': '2026-03-20',
    'thank-you-5-x@dealer': '2026-03-03',
  };
  const live = new Set(['callback-2-x@dealer']);
  const r = reconcile(previous, [{ uid: 'callback-1-x@dealer', day: '2026-03-05' }], (u) => live.has(u), '2026-03-02');

  it('cancels what has gone, but not a birthday whose day has passed', () => {
    expect(r.cancelled).toEqual([
      { uid: 'birthday-4-2026-x@dealer', day: '2026-03-20' },
      { uid: 'thank-you-5-x@dealer', day: '2026-03-03' },
    ]);
  });

  it('remembers this export and what is still pending outside its window, and forgets the cancelled', () => {
    expect(r.remembered).toEqual({ 'callback-1-x@dealer': '2026-03-05', 'callback-2-x@dealer': '2026-03-09' });
  });
});

describe('readAlarm', () => {
  it.each([
    ['09:00', '09:00'],
    ['8:30', '08:30'],
    ['8：30', '08:30'],
    ['NONE', 'none'],
  ])('%s → %s', (typed, expected) => expect(readAlarm(typed)).toBe(expected));
  it.each(['24:00', '9', '9am', '', '12:60'])('refuses %j', (typed) =>
    expect(() => readAlarm(typed)).toThrow(DealerError),
  );
});
