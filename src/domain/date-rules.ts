// Dates that cannot be true are refused where they are typed, with the reason (SPEC §4): a contact
// has happened, a callback and a deposit hold lie ahead, a birthday is behind, a purchase ahead.
// A contact dated before the prospect was added is history entered late, and stays accepted.
import type { Day } from './dates.js';
import { usage } from './errors.js';
import { windowDays } from './tier.js';
import { hasTerms, type DepositTerms } from './deal.js';
import { isClosed, type Stage } from './vocab.js';

export function checkContactDate(date: Day, today: Day): Day {
  if (date > today) throw usage('contactInFuture', { date, today });
  return date;
}

export function checkCallback(next: Day, today: Day): Day {
  if (next < today) throw usage('callbackInPast', { date: next, today });
  return next;
}

/**
 * Deposit terms (the amount, how long it holds, a top-up and its day) belong to a deposit: a deposit
 * taken now (`--deposit`) moves an open prospect there; otherwise they need `--stage deposit` or a
 * prospect already at deposit. Terms alone never move a won customer or a lost prospect to deposit,
 * and neither deadline can fall before the contact.
 */
export function checkDepositTerms(c: DepositTerms & { stage?: Stage; date: Day }, current: Stage): void {
  if (!hasTerms(c)) return;
  const taking = c.deposit !== undefined && !isClosed(current);
  const after = c.stage ?? (taking ? 'deposit' : current);
  if (after !== 'deposit') throw usage('holdNeedsDeposit', { stage: after });
  for (const day of [c.holdUntil, c.topUpBy])
    if (day !== undefined && day < c.date) throw usage('holdInPast', { date: day });
}

/** `--hold 2d`: how long a deposit holds, said as a hold when it is not one. */
export function holdDays(input: string): number {
  try {
    return windowDays(input);
  } catch {
    throw usage('badHold', { input });
  }
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

/**
 * A row of an imported prospect: the same rules, except that a file giving the day a prospect was
 * added (dealer's own export) is history, whose callbacks and purchase dates may have passed since;
 * they still cannot lie before that day.
 */
export function checkImportedDates(
  f: { birthday?: string | null; expected?: Day | null; nextCallback?: Day | null },
  today: Day,
  added?: Day,
): void {
  if (f.birthday) checkBirthday(f.birthday, today);
  const since = added !== undefined && added < today ? added : undefined;
  if (since === undefined) {
    if (f.expected) checkExpected(f.expected, today);
    if (f.nextCallback) checkCallback(f.nextCallback, today);
    return;
  }
  if (f.expected && f.expected < since) throw usage('expectedBeforeAdded', { date: f.expected, added: since });
  if (f.nextCallback && f.nextCallback < since)
    throw usage('callbackBeforeAdded', { date: f.nextCallback, added: since });
}
