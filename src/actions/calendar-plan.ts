// What one calendar export contains: the duties due in its window under UIDs carrying the book's
// random id, and the cancellations of what earlier exports sent and is gone. Remembering the
// export is a write, made only when something changed, in one transaction that reads everything
// it decides on — so two exports at once cannot both mint a book id or lose a cancellation.
import { randomUUID } from 'node:crypto';
import { eventUid, reconcile, type Exported } from '../domain/calendar.js';
import { addDays, type Day } from '../domain/dates.js';
import type { DueItem } from '../domain/due.js';
import { write, type DB } from '../store/db.js';
import { bookId, lastExported, rememberExport } from '../store/calendar.js';
import { dueList } from './due-list.js';

export interface CalendarPlan {
  due: { item: DueItem; uid: string; day: Day }[];
  cancelled: { uid: string; day: Day }[];
}

/** A pending duty's UID stays wanted this long ahead, whatever the window of one export. */
const HORIZON_DAYS = 366;

function plan(db: DB, id: string, today: Day, to: Day, previous: Exported) {
  // A milestone is its own day's event in a calendar, not the morning list's notice the day before.
  const dayOf = (i: DueItem) => i.milestone?.day ?? i.due;
  const uidOf = (i: DueItem) => eventUid(id, i.reason, i.id, dayOf(i), i.time, i.milestone?.id);
  // Overdue duties are due now: they go on today.
  const due = dueList(db, today, to).filter((item) => dayOf(item) <= to).map((item) => ({
    item,
    uid: uidOf(item),
    day: dayOf(item) < today ? today : dayOf(item),
  }));
  let live: Set<string> | undefined;
  const isLive = (uid: string) =>
    (live ??= new Set(dueList(db, today, addDays(today, HORIZON_DAYS)).map(uidOf))).has(uid);
  return { due, ...reconcile(previous, due, isLive, today) };
}

const same = (a: Exported, b: Exported) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

export function planCalendar(db: DB, stored: boolean, today: Day, to: Day): CalendarPlan {
  const id = bookId(db);
  // A book that is not on disk yet has nothing exported and nothing to remember.
  if (!stored) return plan(db, randomUUID(), today, to, {});
  if (id) {
    const previous = lastExported(db);
    const p = plan(db, id, today, to, previous);
    if (same(p.remembered, previous)) return p;
  }
  // Not journaled: `dealer undo` takes back the consultant's last change, not an export.
  return write(
    db,
    () => {
      const mine = bookId(db) ?? randomUUID();
      const p = plan(db, mine, today, to, lastExported(db));
      rememberExport(db, mine, p.remembered);
      return p;
    },
    { journal: false },
  );
}
