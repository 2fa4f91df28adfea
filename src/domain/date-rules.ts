// Dates that cannot be true are refused where they are typed, with the reason (SPEC §4): a contact
// has happened, a callback and a deposit hold lie ahead, a birthday is behind, a purchase ahead.
// A contact dated before the prospect was added is history entered late, and stays accepted.
import type { Day } from './dates.js';
import { usage } from './errors.js';
import type { Stage } from './vocab.js';

export function checkContactDate(date: Day, today: Day): Day {
  if (date > today) throw usage('contactInFuture', { date, today });
  return date;
}

export function checkCallback(next: Day, today: Day): Day {
  if (next < today) throw usage('callbackInPast', { date: next, today });
  return next;
}

/** A hold needs a deposit: `--hold` with another stage would be silently dropped. */
export function checkHold(holdUntil: Day | undefined, stage: Stage | undefined, date: Day): void {
  if (holdUntil === undefined) return;
  if (stage !== undefined && stage !== 'deposit') throw usage('holdNeedsDeposit', { stage });
  if (holdUntil < date) throw usage('holdInPast', { date: holdUntil });
}

/** Only a full date can be in the future; a month-day birthday recurs. */
export function checkBirthday(birthday: string, today: Day): string {
  if (birthday.length === 10 && birthday > today) throw usage('birthdayInFuture', { date: birthday, today });
  return birthday;
}

export function checkExpected(expected: Day, today: Day): Day {
  if (expected < today) throw usage('expectedInPast', { date: expected, today });
  return expected;
}
