// dealer calendar: the coming callbacks and duties as an .ics file a phone calendar imports, with a
// reminder on each, and cancellations for what earlier exports sent and is no longer due.
import { planCalendar } from '../actions/calendar-plan.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { addDays } from '../domain/dates.js';
import { usage } from '../domain/errors.js';
import { calendar as ics, type CalendarEvent } from '../output/ics.js';
import { toFile, toStdout, wantsFile } from '../output/sink.js';
import { readSettings } from '../store/settings.js';
import { vetTarget } from '../store/target.js';
import { stageName } from '../output/trade.js';
import { reasonText } from '../output/today.js';

/** `09:00` → minutes after the day's midnight; `none` → no reminder. */
const alarmMinutes = (alarm: string) =>
  alarm === 'none' ? undefined : Number(alarm.slice(0, 2)) * 60 + Number(alarm.slice(3, 5));

export async function calendar(ctx: Context, o: Options<'calendar'>): Promise<CalendarEvent[]> {
  const days = o.days === undefined ? 30 : Number(o.days);
  if (!Number.isInteger(days) || days < 0 || days > 366) throw usage('badDays', { input: o.days ?? '' });
  // Checked before the book is opened: a calendar never writes over the book or its backups.
  const target = wantsFile(o.out) ? vetTarget(o.out, ctx.dbPath, 'export') : undefined;
  const book = await ctx.open('read');
  const t = ctx.t;
  const alarm = alarmMinutes(readSettings(book.db).alarm);
  // The file is opened before the export is remembered: a missing folder or a refused target
  // fails with the book untouched. Once remembered, only a failing disk can lose this export's
  // cancellations — never its events, which every export repeats.
  const sink = target ? toFile(target) : toStdout();
  let events: CalendarEvent[];
  try {
    const plan = planCalendar(book.db, book.exists, ctx.today, addDays(ctx.today, days));
    events = plan.due.map(({ item, uid, day }): CalendarEvent => {
      const last = item.lastContact
        ? `${item.lastContact.date} ${t.word.kind[item.lastContact.kind]}${item.lastContact.note ? `: ${item.lastContact.note}` : ''}`
        : t.ui.never;
      return {
        uid,
        day,
        // An appointment is a timed event in the local zone, reminded 30 minutes before it starts;
        // a duty takes the day, reminded at the hour set (minutes after its midnight).
        alarm: item.time && alarm !== undefined ? -30 : alarm,
        ...(item.time ? { time: item.time } : {}),
        summary: t.ui.calendarSummary({ reason: reasonText(t, item), name: item.name, tier: item.tier }),
        description: [
          `${t.ui.field.phone}${t.word.colon}${item.phone ?? '-'}`,
          `${t.ui.field.stage}${t.word.colon}${stageName(t, item.stage, item.trade)}`,
          item.overdueDays ? t.ui.overdue({ days: item.overdueDays }) : '',
          item.milestone?.note ? `${t.word.milestone[item.milestone.kind]}${t.word.colon}${item.milestone.note}` : '',
          `${t.ui.field.lastContact}${t.word.colon}${last}`,
          `dealer script ${item.topic} --for ${item.id}`,
        ]
          .filter(Boolean)
          .join('\n'),
      };
    });
    const cancelled = plan.cancelled.map(({ uid, day }): CalendarEvent => ({
      uid,
      day,
      summary: t.ui.calendarCancelled,
      description: '',
      cancelled: true,
    }));
    await sink.write(ics(t.ui.calendarName, [...events, ...cancelled], ctx.now));
    await sink.done();
  } catch (e) {
    sink.abort();
    throw e;
  }
  if (sink.path) ctx.tell(t.ui.calendarWritten({ count: events.length, path: sink.path }));
  return events;
}

export const run: Run<'calendar'> = (ctx, o) => calendar(ctx, o);
