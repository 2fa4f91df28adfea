// dealer calendar: the coming callbacks and duties as an .ics file a phone calendar imports.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { dueList } from '../actions/due-list.js';
import type { Context } from '../context.js';
import { addDays } from '../domain/dates.js';
import { usage } from '../domain/errors.js';
import { calendar as ics, type CalendarEvent } from '../output/ics.js';
import { toFile, toStdout, wantsFile } from '../output/sink.js';
import { vetTarget } from '../store/target.js';

export async function calendar(ctx: Context, o: { out?: string; days?: string }): Promise<CalendarEvent[]> {
  const days = o.days === undefined ? 30 : Number(o.days);
  if (!Number.isInteger(days) || days < 0 || days > 366) throw usage('badDays', { input: o.days ?? '' });
  // Checked before the book is opened: a calendar never writes over the book or its backups.
  const target = wantsFile(o.out) ? vetTarget(o.out, ctx.dbPath, 'export') : undefined;
  const { db } = await ctx.open('read');
  // The book's path in the UID keeps two consultants' calendars apart on one phone.
  const book = createHash('sha1').update(resolve(ctx.dbPath)).digest('hex').slice(0, 10);
  const t = ctx.t;
  const events = dueList(db, ctx.today, addDays(ctx.today, days)).map((item): CalendarEvent => {
    // Overdue duties are due now: they go on today.
    const day = item.due < ctx.today ? ctx.today : item.due;
    const year = item.reason === 'birthday' ? `-${item.due.slice(0, 4)}` : '';
    const last = item.lastContact
      ? `${item.lastContact.date} ${t.word.kind[item.lastContact.kind]}${item.lastContact.note ? `: ${item.lastContact.note}` : ''}`
      : t.ui.never;
    return {
      uid: `${item.reason}-${item.id}${year}-${book}@dealer`,
      day,
      summary: t.ui.calendarSummary({ reason: t.word.reason[item.reason]!, name: item.name, tier: item.tier }),
      description: [
        `${t.ui.field.phone}: ${item.phone ?? '-'}`,
        `${t.ui.field.stage}: ${t.word.stage[item.stage]}`,
        item.overdueDays ? t.ui.overdue({ days: item.overdueDays }) : '',
        `${t.ui.field.lastContact}: ${last}`,
        `dealer script ${item.topic} --for ${item.id}`,
      ]
        .filter(Boolean)
        .join('\n'),
    };
  });
  const sink = target ? toFile(target) : toStdout();
  try {
    await sink.write(ics(t.ui.calendarName, events, ctx.now));
    await sink.done();
  } catch (e) {
    sink.abort();
    throw e;
  }
  if (sink.path) ctx.tell(t.ui.calendarWritten({ count: events.length, path: sink.path }));
  return events;
}

export const run = (ctx: Context, _args: string[], opts: { out?: string; days?: string }) => calendar(ctx, opts);
