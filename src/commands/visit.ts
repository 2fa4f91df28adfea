// dealer visit: after every call, visit or message — what happened, and when to call next.
import { readBack } from '../actions/read-back.js';
import { recordContact } from '../actions/record-contact.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { addDays, parseDay } from '../domain/dates.js';
import { checkCallback, checkContactDate, checkHold } from '../domain/date-rules.js';
import { parseAmount } from '../domain/deal.js';
import { usage } from '../domain/errors.js';
import type { Prospect } from '../domain/prospect.js';
import type { ReminderDraft } from '../domain/schedule.js';
import { windowDays } from '../domain/tier.js';
import { parseStageWord } from '../domain/trade.js';
import { isClosing, parseKind, parseObjection } from '../domain/vocab.js';
import { askContact, type ContactAnswers } from '../input/contact-questions.js';
import { present } from '../output/prospect.js';
import { recorded } from '../output/contact.js';
import { write } from '../store/db.js';
import { readSettings } from '../store/settings.js';
import { requireProspect } from '../actions/prospect.js';

export type VisitOptions = Options<'visit'>;

export async function visit(
  ctx: Context,
  idText: string,
  o: VisitOptions,
): Promise<Prospect & { recorded: ReminderDraft[] }> {
  const today = ctx.today;
  const date = o.date ? checkContactDate(parseDay(o.date, today, 'past'), today) : today;
  let a: ContactAnswers = {
    kind: o.kind ? parseKind(o.kind) : 'call',
    stage: o.stage ? parseStageWord(o.stage) : undefined,
    outcome: o.outcome?.trim() || undefined,
    note: o.note?.trim() || undefined,
  };
  // Closing goes through won/lost: they keep the date and the reason the reports need.
  if (a.stage && isClosing(a.stage)) throw usage('useWonLost', { id: idText, stage: a.stage });
  const next = o.next ? checkCallback(parseDay(o.next, today, 'future'), today) : undefined;
  if (o.hold && o.holdUntil) throw usage('holdConflict');
  const holdUntil = o.holdUntil
    ? parseDay(o.holdUntil, today, 'future')
    : o.hold
      ? addDays(date, windowDays(o.hold))
      : undefined;
  const topUpBy = o.topUpBy ? parseDay(o.topUpBy, today, 'future') : undefined;
  checkHold(holdUntil, a.stage, date);
  checkHold(topUpBy, a.stage, date);
  const deposit = o.deposit === undefined ? undefined : parseAmount(o.deposit);
  const topUp = o.topUp === undefined ? undefined : parseAmount(o.topUp);
  if ((deposit !== undefined || topUp !== undefined) && a.stage && a.stage !== 'deposit')
    throw usage('holdNeedsDeposit', { stage: a.stage });
  const objections = (o.objection ?? []).map(parseObjection);

  const { db } = await ctx.open('write');
  const p = requireProspect(db, idText);
  const noFlags = Object.values(o).every((v) => v === undefined);
  if (noFlags && ctx.interactive) a = await askContact(await ctx.ask(), ctx.t, p);

  const settings = readSettings(db);
  const { plan } = write(db, () =>
    recordContact(
      db,
      p,
      {
        date,
        kind: a.kind,
        stage: a.stage,
        next,
        holdUntil,
        deposit,
        topUp,
        topUpBy,
        renewed: o.renewed,
        outcome: a.outcome,
        note: a.note,
        objections,
      },
      settings,
      { now: ctx.stamp, today },
    ),
  );
  const after = readBack(db, p.id);
  if (ctx.json) ctx.printJson({ ...present(after, today), recorded: plan.add });
  else ctx.print(recorded(ctx.t, { prospect: after, kind: a.kind, date, plan, wasLost: p.stage === 'lost' }, today));
  return { ...after, recorded: plan.add };
}

export const run: Run<'visit'> = (ctx, { id, ...o }) => visit(ctx, id, o);
