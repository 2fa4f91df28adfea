// Days as a consultant reads them: the date, its weekday, and how far it is from today.
import { daysBetween, weekday, type Day } from '../domain/dates.js';
import type { Messages } from '../i18n/en.js';

export function relative(t: Messages, day: Day, today: Day): string {
  const n = daysBetween(today, day);
  if (n === 0) return t.ui.dueToday;
  return n > 0 ? t.ui.inDays({ days: n }) : t.ui.overdue({ days: -n });
}

export function when(t: Messages, day: Day, today: Day): string {
  return `${day} ${t.word.weekday[weekday(day)]} · ${relative(t, day, today)}`;
}
