// Everything due from a day to another, in the order to work it: the morning list and the
// calendar export are the same list.
import type { Day } from '../domain/dates.js';
import { birthdayDue, compareDue, monthDays, openingTopic, overdueDays, type DueItem } from '../domain/due.js';
import { effectiveTier } from '../domain/tier.js';
import type { DB } from '../store/db.js';
import { dueRows } from '../store/due.js';

export function dueList(db: DB, on: Day, to: Day): DueItem[] {
  return dueRows(db, to, monthDays(on, to))
    .flatMap((r): DueItem[] => {
      const due = r.reason === 'birthday' ? birthdayDue(r.birthday!, on, to) : r.due;
      if (!due) return [];
      return [
        {
          id: r.id,
          name: r.name,
          phone: r.phone,
          tier: effectiveTier(r, on),
          stage: r.stage,
          due,
          overdueDays: overdueDays(due, on),
          reason: r.reason,
          lastContact: r.lastDate ? { date: r.lastDate, kind: r.lastKind!, note: r.lastNote } : null,
          topic: openingTopic(r.stage, r.reason),
        },
      ];
    })
    .sort(compareDue);
}
