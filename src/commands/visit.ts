// dealer visit: after every call, visit or message — what happened, and when to call next.
import { readBack } from '../actions/read-back.js';
import { recordContact } from '../actions/record-contact.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { addDays, parseDay } from '../domain/dates.js';
import { holdDays } from '../domain/date-rules.js';
import { parseAmount } from '../domain/deal.js';
import { usage } from '../domain/errors.js';
import type { Prospect } from '../domain/prospect.js';
import type { ReminderDraft } from '../domain/schedule.js';
import { stageWord } from '../input/stage.js';
import { kindFor, tradeFor } from '../domain/trade.js';
import { isClosing, parseKind, parseObjection } from '../domain/vocab.js';
import { askContact, type ContactAnswers } from '../input/contact-questions.js';
import { present } from '../output/prospect.js';
import { stageName } from '../output/trade.js';
import { recorded } from '../output/contact.js';
import { write, type DB } from '../store/db.js';
import { peopleOf } from '../store/people.js';
import { checkOrganisation, whoWasMet, type Person } from '../domain/organisation.js';
import { askMet } from '../input/met-question.js';
import { safe } from '../output/screen.js';
import { readSettings } from '../store/settings.js';
import { requireProspect } from '../actions/prospect.js';

export type VisitOptions = Options<'visit'>;

/** The organisation's people `--with` names; only an organisation has people to meet. */
function metAt(db: DB, p: Prospect, names: string[]): Person[] {
  checkOrganisation(p);
  return whoWasMet(peopleOf(db, p.id), names, p.id);
}

export async function visit(
  ctx: Context,
  idText: string,
  o: VisitOptions,
): Promise<Prospect & { recorded: ReminderDraft[] }> {
  const today = ctx.today;
  // The date rules (a contact has happened, a callback lies ahead, a hold needs a deposit) are
  // recordContact's: every way a contact arrives goes through them.
  const date = o.date !== undefined ? parseDay(o.date, today, 'past') : today;
  let a: ContactAnswers = {
    kind: o.kind ? parseKind(o.kind) : 'call',
    stage: undefined,
    outcome: o.outcome?.trim() || undefined,
    note: o.note?.trim() || undefined,
  };
  const next = o.next !== undefined ? parseDay(o.next, today, 'future') : undefined;
  if (o.hold !== undefined && o.holdUntil !== undefined) throw usage('holdConflict');
  const holdUntil =
    o.holdUntil !== undefined
      ? parseDay(o.holdUntil, today, 'future')
      : o.hold !== undefined
        ? addDays(date, holdDays(o.hold))
        : undefined;
  const topUpBy = o.topUpBy !== undefined ? parseDay(o.topUpBy, today, 'future') : undefined;
  const deposit = o.deposit === undefined ? undefined : parseAmount(o.deposit);
  const topUp = o.topUp === undefined ? undefined : parseAmount(o.topUp);
  // Which deposit terms need which stage is recordContact's rule (checkDepositTerms), with the dates.
  const objections = (o.objection ?? []).map(parseObjection);

  const { db } = await ctx.open('write');
  const p = requireProspect(db, idText);
  const settings = readSettings(db);
  // The prospect's own trade decides what its stage words mean.
  const trade = tradeFor(p, settings);
  if (o.stage) a.stage = await stageWord(o.stage, trade, ctx.t);
  if (o.kind !== undefined) kindFor(a.kind, trade, o.kind);
  // Closing goes through won/lost: they keep the date and the reason the reports need.
  if (a.stage && isClosing(a.stage))
    throw usage('useWonLost', { id: idText, closing: a.stage, stage: stageName(ctx.t, a.stage, trade) });
  // Whom the contact met at an organisation: every name checked before anything is written.
  let met = o.with === undefined ? [] : metAt(db, p, o.with);
  const noFlags = Object.values(o).every((v) => v === undefined);
  if (noFlags && ctx.interactive) {
    a = await askContact(await ctx.ask(), ctx.t, p, trade);
    if (p.kind === 'org') met = await askMet(await ctx.ask(), ctx.t, peopleOf(db, p.id), a.kind);
  }

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
        met: met.map((m) => m.id),
      },
      settings,
      { now: ctx.stamp, today },
    ),
  );
  const after = readBack(db, p.id);
  const withNames = met.length ? { with: met.map((m) => m.name) } : {};
  if (ctx.json) ctx.printJson({ ...present(after, today), recorded: plan.add, ...withNames });
  else {
    const lines = [recorded(ctx.t, { prospect: after, kind: a.kind, date, plan, wasLost: p.stage === 'lost' }, today)];
    if (met.length) lines.push(`  ${ctx.t.ui.metWith({ names: met.map((m) => safe(m.name)).join(ctx.t.ui.listSeparator) })}`);
    ctx.print(lines.join('\n'));
  }
  return { ...after, recorded: plan.add };
}

export const run: Run<'visit'> = (ctx, { id, ...o }) => visit(ctx, id, o);
