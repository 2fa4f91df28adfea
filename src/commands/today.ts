// dealer today: the morning list — who to call, why, and what to open with.
import { dueList, nextDue } from '../actions/due-list.js';
import type { Stamp } from '../actions/record-contact.js';
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { addDays, parseDay, type Day } from '../domain/dates.js';
import type { DueItem } from '../domain/due.js';
import { Cancelled, DealerError, usage } from '../domain/errors.js';
import type { Prospect } from '../domain/prospect.js';
import type { Settings } from '../domain/settings.js';
import type { Ask } from '../input/ask.js';
import { measuring } from '../output/columns.js';
import { todayTip, todayView } from '../output/today.js';
import { safe } from '../output/screen.js';
import { contactsOn } from '../store/contacts.js';
import { write, type DB } from '../store/db.js';
import { countProspects, getProspect } from '../store/prospects.js';
import { peopleOf } from '../store/people.js';
import { readSettings } from '../store/settings.js';
import { errorText } from '../i18n/label.js';
import { tradeFor } from '../domain/trade.js';

export type TodayOptions = Options<'today'>;

/** Rows shown when stdout is not a terminal and --all was not given. */
const PIPE_ROWS = 25;

export async function today(ctx: Context, o: TodayOptions): Promise<DueItem[]> {
  if (o.work) {
    if (o.date !== undefined || o.days !== undefined || o.all || ctx.json) throw usage('workOnlyToday');
    if (!ctx.interactive) throw usage('workNeedsTerminal');
  }
  const on = o.date !== undefined ? parseDay(o.date, ctx.today, 'future') : ctx.today;
  const days = o.days === undefined ? 0 : Number(o.days);
  if (!Number.isInteger(days) || days < 0 || days > 366) throw usage('badDays', { input: o.days ?? '' });
  const to = addDays(on, days);
  const book = await ctx.open('read');
  const items = dueList(book.db, on, to);

  if (ctx.json) {
    ctx.printJson(items);
    return items;
  }
  // An empty list is the rare morning: what it needs is loaded only then.
  let next: DueItem | undefined;
  if (items.length === 0) {
    if (countProspects(book.db) === 0) {
      const { emptyBook } = await import('../output/empty.js');
      ctx.print(emptyBook(ctx, book));
      return items;
    }
    next = nextDue(book.db, to);
  }
  if (o.work && items.length > 0) {
    await work(ctx, items);
    return items;
  }
  const limit = o.all ? Infinity : ctx.width ? Math.max(5, (ctx.height || 30) - 10) : PIPE_ROWS;
  // Only the rows shown are measured: with thousands overdue, scanning them all cost more than the table.
  await measuring(items.slice(0, limit), next);
  ctx.print(
    todayView(ctx.t, {
      on,
      items,
      limit,
      contactsToday: contactsOn(book.db, on),
      goal: readSettings(book.db).goal,
      next,
      width: ctx.width,
      noTip: !ctx.terminal,
    }),
  );
  // Piped or saved, the list is the data: the tip goes to the person on stderr.
  if (!ctx.terminal) for (const line of todayTip(ctx.t, items.slice(0, limit), ctx.width)) ctx.tell(line);
  return items;
}

type Outcome = 'recorded' | 'done' | 'snoozed' | 'lost' | 'skipped';

/** What only --work uses, loaded only then: a plain `today` starts as quickly as before it existed. */
const workModules = async () => {
  const [contact, script, tick, rules, done, scriptText, questions, contactOut, tickOut, workOut, scripts, metQ, back] =
    await Promise.all([
      import('../actions/record-contact.js'),
      import('../actions/script-for.js'),
      import('../actions/tick-off.js'),
      import('../domain/date-rules.js'),
      import('../domain/done.js'),
      import('../domain/script.js'),
      import('../input/contact-questions.js'),
      import('../output/contact.js'),
      import('../output/tick-off.js'),
      import('../output/work.js'),
      import('../scripts/load.js'),
      import('../input/met-question.js'),
      import('../actions/read-back.js'),
    ]);
  return {
    closeLost: contact.closeLost,
    recordContact: contact.recordContact,
    scriptFor: script.scriptFor,
    dueStateOf: tick.dueStateOf,
    snoozeDue: tick.snoozeDue,
    tickOff: tick.tickOff,
    checkCallback: rules.checkCallback,
    planSnooze: done.planSnooze,
    openingLines: scriptText.openingLines,
    askContact: questions.askContact,
    closed: contactOut.closed,
    recorded: contactOut.recorded,
    ticked: tickOut.ticked,
    workCard: workOut.workCard,
    workSummary: workOut.workSummary,
    loadScripts: scripts.loadScripts,
    askMet: metQ.askMet,
    readBack: back.readBack,
  };
};
type WorkModules = Awaited<ReturnType<typeof workModules>>;

/**
 * `today --work`: the list walked one prospect at a time, in the order it is shown. Each answer goes
 * through the same action as its own command (visit, done, snooze, lost), in its own transaction and
 * undo entry, so Ctrl-C loses only the prospect on screen.
 */
async function work(ctx: Context, items: DueItem[]): Promise<void> {
  const m = await workModules();
  const { db } = await ctx.open('write');
  const ask = await ctx.ask();
  const w = ctx.t.ui.work;
  const settings = readSettings(db);
  const stamp = { now: ctx.stamp, today: ctx.today };
  const topics = m.loadScripts(ctx.t.lang).topics;
  const ids = [...new Set(items.map((i) => i.id))];
  const counts: Record<Outcome, number> = { recorded: 0, done: 0, snoozed: 0, lost: 0, skipped: 0 };
  // A Ctrl-C between two prompts stops at the next one rather than killing a half-drawn card.
  let interrupted = false;
  const onSignal = () => void (interrupted = true);
  process.on('SIGINT', onSignal);
  try {
    for (const [n, id] of ids.entries()) {
      if (interrupted) throw new Cancelled();
      // Read again: the prospect may have been handled from another terminal meanwhile.
      const [first, ...more] = dueList(db, ctx.today, ctx.today).filter((i) => i.id === id);
      const p = getProspect(db, id);
      if (!first || !p) continue;
      const rows: [DueItem, ...DueItem[]] = [first, ...more];
      const topic = topics.find((t) => t.key === first.topic);
      const shown =
        topic &&
        m.scriptFor(db, topic, p, {
          lang: ctx.t.lang,
          today: ctx.today,
          blanks: ctx.t.ui.scriptBlank,
          days: ctx.t.ui.scriptDays,
          typeTitle: ctx.t.ui.scriptType,
          types: topics.find((t) => t.key === 'customer-types'),
        });
      await measuring(rows, shown);
      ctx.tell(
        m.workCard(ctx.t, {
          n: n + 1,
          total: ids.length,
          items: rows,
          on: ctx.today,
          width: ctx.width,
          script: shown && { key: shown.key, title: shown.title, lines: m.openingLines(shown, OPENING_LINES) },
        }),
      );
      // A milestone alone is information with a date (the customer's tender, not our duty): there is
      // nothing to tick off or put off, so only speaking to them, going on, or stopping are offered.
      const offered = rows.every((r) => r.reason === 'milestone') ? MILESTONE_CHOICES : WORK_CHOICES;
      const choice = await ask.choose(
        w.what,
        offered.map((value) => ({ value, name: w.choice[value] })),
        'contact',
      );
      if (choice === 'quit') break;
      if (choice === 'skip') {
        counts.skipped++;
        continue;
      }
      // One prospect's refusal (another terminal handled it meanwhile) is said, and the walk goes on.
      try {
        counts[await workOne(m, ctx, db, ask, p, choice, settings, stamp)]++;
      } catch (e) {
        if (!(e instanceof DealerError)) throw e;
        ctx.tell(safe(`${ctx.t.ui.work.refused}${errorText(ctx.t, e)}`));
        counts.skipped++;
      }
    }
  } catch (e) {
    if (!(e instanceof Cancelled)) throw e;
    ctx.tell(m.workSummary(ctx.t, { total: ids.length, counts, stopped: true }));
    throw new Cancelled(true);
  } finally {
    process.off('SIGINT', onSignal);
  }
  ctx.tell(m.workSummary(ctx.t, { total: ids.length, counts, stopped: false }));
}

const WORK_CHOICES = ['contact', 'done', 'skip', 'snooze', 'lost', 'quit'] as const;
const MILESTONE_CHOICES = ['contact', 'skip', 'quit'] as const;
/** Enough of the script to start the call; the whole sheet is one command away. */
const OPENING_LINES = 3;

/** One answer, asked and written: each as one undo entry named like the command it stands for. */
async function workOne(
  m: WorkModules,
  ctx: Context,
  db: DB,
  ask: Ask,
  p: Prospect,
  choice: 'contact' | 'done' | 'snooze' | 'lost',
  settings: Settings,
  stamp: Stamp,
): Promise<Outcome> {
  const today = ctx.today;
  const refused = (e: unknown) => safe(e instanceof DealerError ? errorText(ctx.t, e) : String(e));
  const day = (text: string, check: (d: Day) => void): string | true => {
    try {
      check(parseDay(text, today, 'future'));
      return true;
    } catch (e) {
      return refused(e);
    }
  };
  // Read again inside each transaction: another terminal may have written while the questions waited.
  const now = () => m.readBack(db, p.id);
  if (choice === 'contact') {
    const a = await m.askContact(ask, ctx.t, p, tradeFor(p, settings));
    const met = p.kind === 'org' ? await m.askMet(ask, ctx.t, peopleOf(db, p.id), a.kind) : [];
    const nextText = await ask.text(ctx.t.ui.work.next, {
      validate: (v) => (v.trim() ? day(v, (d) => m.checkCallback(d, today)) : true),
    });
    const next = nextText ? parseDay(nextText, today, 'future') : undefined;
    const contact = { date: today, kind: a.kind, stage: a.stage, next, outcome: a.outcome, note: a.note, met: met.map((x) => x.id) };
    const { plan } = write(db, () => m.recordContact(db, now(), contact, settings, stamp), { label: `visit ${p.id}` });
    ctx.tell(m.recorded(ctx.t, { prospect: now(), kind: a.kind, date: today, plan, wasLost: false }, today));
    if (met.length) ctx.tell(`  ${ctx.t.ui.metWith({ names: met.map((x) => safe(x.name)).join(ctx.t.ui.listSeparator) })}`);
    return 'recorded';
  }
  if (choice === 'done') {
    const plan = write(db, () => m.tickOff(db, now(), settings, stamp), { label: `done ${p.id}` });
    ctx.tell(m.ticked(ctx.t, { prospect: now(), handled: plan.handled, today }));
    return 'done';
  }
  if (choice === 'snooze') {
    const text = await ask.text(ctx.t.ui.work.snoozeTo, {
      required: true,
      validate: (v) => day(v, (d) => m.planSnooze(m.dueStateOf(db, p, today), today, d, settings)),
    });
    const to = parseDay(text, today, 'future');
    const plan = write(db, () => m.snoozeDue(db, now(), to, settings, stamp), { label: `snooze ${p.id} ${to}` });
    ctx.tell(m.ticked(ctx.t, { prospect: now(), handled: plan.handled, today, to }));
    return 'snoozed';
  }
  const reason = await ask.text(ctx.t.ui.prompt.lostReason, { required: true });
  const plan = write(db, () => m.closeLost(db, now(), today, reason, stamp), { label: `lost ${p.id}` });
  ctx.tell(m.closed(ctx.t, now(), plan, today));
  return 'lost';
}

export const run: Run<'today'> = (ctx, o) => today(ctx, o);
