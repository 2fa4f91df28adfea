// dealer book: an appointment with a time — shown first on its morning, confirmed by phone the day
// before (篇1 §6.1), a timed event in the calendar export. `--list` shows what is booked ahead,
// `--cancel <appointment-id>` takes one off with its confirmation call.
import { requireProspect } from '../actions/prospect.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { confirmation, parseAppointmentKind, parseWhen, type Appointment } from '../domain/appointment.js';
import { addDays } from '../domain/dates.js';
import { usage } from '../domain/errors.js';
import { parseId } from '../domain/ids.js';
import { columns } from '../output/columns.js';
import { safe } from '../output/screen.js';
import {
  appointmentsFrom,
  confirmationFor,
  deleteAppointment,
  getAppointment,
  insertAppointment,
} from '../store/appointments.js';
import { applyReminders } from '../store/contacts.js';
import { write } from '../store/db.js';

export type BookOptions = Options<'book'>;

export async function book(ctx: Context, idText: string | undefined, o: BookOptions): Promise<unknown> {
  const t = ctx.t;
  if (o.list) {
    const { db } = await ctx.open('read');
    const all = appointmentsFrom(db, ctx.today);
    if (ctx.json) ctx.printJson(all);
    else if (all.length === 0) ctx.print(t.ui.noAppointments);
    else {
      const c = t.ui.col;
      ctx.print(
        columns(
          [
            { header: '#' },
            { header: c.date },
            { header: t.ui.field.time },
            { header: c.kind },
            { header: c.name },
            { header: c.note, flex: true },
          ],
          all.map((a) => [
            String(a.id),
            a.day,
            a.time,
            t.word.appointment[a.kind],
            `#${a.prospectId} ${safe(a.name)}`,
            safe(a.note ?? ''),
          ]),
          { width: ctx.width },
        ),
      );
    }
    return all;
  }
  if (o.cancel !== undefined) {
    const id = parseId(o.cancel);
    const { db } = await ctx.open('write');
    const a = getAppointment(db, id);
    if (!a) throw usage('unknownAppointment', { id });
    write(db, () => {
      deleteAppointment(db, id);
      const call = confirmationFor(db, a.prospectId, addDays(a.day, -1));
      if (call !== undefined) applyReminders(db, a.prospectId, [], [call]);
    });
    if (ctx.json) ctx.printJson(a);
    else ctx.print(t.ui.appointmentCancelled({ id, day: a.day, time: a.time }));
    return a;
  }
  if (idText === undefined) throw usage('bookNeedsId');
  if (o.at === undefined) throw usage('bookNeedsAt', { id: idText });
  const when = parseWhen(o.at, ctx.today);
  const kind = o.kind === undefined ? 'showroom' : parseAppointmentKind(o.kind);
  const { db } = await ctx.open('write');
  const p = requireProspect(db, idText);
  // A lost prospect is never due: the appointment would exist only in `book --list`.
  if (p.stage === 'lost') throw usage('bookOnLost', { id: p.id });
  const draft: Omit<Appointment, 'id'> = { prospectId: p.id, ...when, kind, note: o.note?.trim() || null };
  const call = confirmation(when.day, ctx.today);
  const id = write(db, () => {
    const newId = insertAppointment(db, draft, ctx.stamp);
    if (call) applyReminders(db, p.id, [call], []);
    return newId;
  });
  const booked = { id, ...draft };
  if (ctx.json) ctx.printJson(booked);
  else
    ctx.print(
      [
        t.ui.booked({
          id,
          kind: t.word.appointment[kind],
          pid: p.id,
          name: safe(p.name),
          day: when.day,
          time: when.time,
        }),
        ...(call ? [`  ${t.word.reason['confirm-appointment']}${t.word.colon}${call.due}`] : []),
      ].join('\n'),
    );
  return booked;
}

export const run: Run<'book'> = (ctx, { id, ...o }) => book(ctx, id, o);
