// What a calendar export must say beyond the duties due: which events of earlier exports are no
// longer wanted. A phone keeps every event it imported until a file with the same UID says
// STATUS:CANCELLED, so dealer remembers what it last exported (UID → day) and cancels, once, what
// has gone since: a callback done without a next one, a prospect lost or forgotten.
import type { Day } from './dates.js';
import type { Reason } from './prospect.js';
import { usage } from './errors.js';

/**
 * An event's UID: the duty, the prospect, the year for birthdays, the day (and time) of an
 * appointment, of its confirmation call and of a milestone, and the book's own random id — not its path, so moving,
 * copying or opening the book through a link keeps every UID. Two appointments of one prospect
 * must not share a UID: a calendar app would merge them into one.
 */
export function eventUid(bookId: string, reason: Reason, prospectId: number, due: Day, time?: string): string {
  const when =
    reason === 'birthday'
      ? `-${due.slice(0, 4)}`
      : reason === 'appointment'
        ? `-${due}${time ? `T${time.replace(':', '')}` : ''}`
        : reason === 'confirm-appointment' || reason === 'trip-check' || reason === 'milestone'
          ? `-${due}`
          : '';
  return `${reason}-${prospectId}${when}-${bookId}@dealer`;
}

export type Exported = Record<string, Day>;

/**
 * The events to cancel now and what the book should remember as exported. `live` holds every
 * duty still pending, whatever this export's window: one outside a shorter `--days` is still on
 * the phone and still wanted. A birthday whose day has passed simply ends; it is not cancelled.
 */
export function reconcile(
  previous: Exported,
  current: { uid: string; day: Day }[],
  live: (uid: string) => boolean,
  today: Day,
): { cancelled: { uid: string; day: Day }[]; remembered: Exported } {
  const remembered: Exported = {};
  const cancelled: { uid: string; day: Day }[] = [];
  const now = new Set(current.map((e) => e.uid));
  for (const [uid, day] of Object.entries(previous)) {
    if (now.has(uid)) continue;
    if (live(uid)) remembered[uid] = day;
    else if (!(uid.startsWith('birthday-') && day < today)) cancelled.push({ uid, day });
  }
  for (const e of current) remembered[e.uid] = e.day;
  return { cancelled, remembered };
}

/** `calendar.alarm`: the time of day an all-day duty reminds (`09:00`), or `none`. */
export function readAlarm(value: string, key = 'calendar.alarm'): string {
  const v = value.trim().toLowerCase();
  if (v === 'none') return v;
  const m = /^(\d{1,2})[:：.](\d{2})$/.exec(v);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw usage('badSettingAlarm', { key, input: value });
  return `${(m[1] ?? '').padStart(2, '0')}:${m[2]}`;
}
