// dealer show: everything about one prospect on one screen.
import type { Context } from '../context.js';
import type { Run } from '../specs.js';
import type { Contact, Prospect, Reminder } from '../domain/prospect.js';
import { tripDatesOf } from '../domain/trip.js';
import { TYPE_KEYS, typeLine } from '../domain/customer-type.js';
import { questions } from '../domain/script.js';
import { consultTopic, tradeFor } from '../domain/trade.js';
import { stillOwed } from '../domain/due.js';
import { readSettings } from '../store/settings.js';
import { measuring } from '../output/columns.js';
import { withTrade } from '../output/trade.js';
import { card, present } from '../output/prospect.js';
import { answersOf } from '../store/answers.js';
import { remindersOf } from '../store/contacts.js';
import { getProspect } from '../store/prospects.js';
import { referredBy } from '../store/referrals.js';
import { outcomeOf, type Outcome, type Referred } from '../domain/referral.js';
import { wordOf } from '../domain/vocab.js';
import { requireProspect } from '../actions/prospect.js';
import { contactsWithMet, organisationOf } from '../actions/organisation.js';
import { rolesSection } from '../output/people.js';
import type { Milestone, Person, RoleMap } from '../domain/organisation.js';
import { scriptsFor } from '../actions/topics.js';
import { labelOf } from '../i18n/label.js';

export type ProspectDetail = Prospect & {
  contacts: Contact[];
  reminders: Reminder[];
  answers: Record<string, string>;
  /** Whom they referred, and what came of it. */
  referrals: (Referred & { outcome: Outcome })[];
  /** An organisation's people, its roles map (who is missing, unmet, opposed) and milestones. */
  people?: Person[];
  roles?: RoleMap;
  milestones?: Milestone[];
  reserve?: boolean;
};

export async function show(ctx: Context, idText: string): Promise<ProspectDetail> {
  const { db } = await ctx.open('read');
  const p = requireProspect(db, idText);
  // An organisation's buying centre: who holds each role, who is unmet or opposed, what is ahead.
  const org = p.kind === 'org' ? organisationOf(db, p) : undefined;
  const detail: ProspectDetail = {
    ...present(p, ctx.today),
    contacts: contactsWithMet(db, p),
    // What is owed as the morning list sees it: a thank-you or a trip's call past its day is not.
    reminders: stillOwed(remindersOf(db, p.id), ctx.today, {
      lapse: readSettings(db).lapse,
      insuranceUntil: p.deal?.insuranceUntil ?? null,
      trip: tripDatesOf(p),
    }),
    answers: answersOf(db, p.id),
    referrals: referredBy(db, p.id).map((r) => ({ ...r, outcome: outcomeOf(r.stage) })),
    ...(org && { people: org.people, roles: org.roles, milestones: org.milestones, reserve: org.reserve }),
  };
  if (ctx.json) ctx.printJson(detail);
  else {
    const trade = tradeFor(p, readSettings(db));
    const t = p.trade ? withTrade(ctx.t, p.trade) : ctx.t;
    const referrer = p.referredBy ? getProspect(db, p.referredBy)?.name : undefined;
    await measuring(detail, referrer);
    ctx.print(
      card(
        t,
        p,
        { ...detail, answers: labelledAnswers(ctx, detail.answers, consultTopic(trade)), referrer },
        ctx.today,
        ctx.width,
      ) + (org ? `\n${rolesSection(t, org, ctx.today)}` : ''),
    );
  }
  return detail;
}

/** Answers under their question, in the order the consultation asks them. */
function labelledAnswers(ctx: Context, answers: Record<string, string>, consult: string): [string, string][] {
  if (Object.keys(answers).length === 0) return [];
  const topics = scriptsFor(ctx);
  const qs = questions(topics.find((t) => t.key === consult));
  const types = topics.find((t) => t.key === 'customer-types');
  // The customer's type first, in the words of the customer-types sheet; then the questions in order.
  const order = (k: string) => {
    const i = qs.findIndex((q) => q.key === k);
    return wordOf(TYPE_KEYS, k) ? -1 : i < 0 ? qs.length : i;
  };
  const label = (k: string, v: string): [string, string] =>
    wordOf(TYPE_KEYS, k)
      ? [labelOf(ctx.t.ui.field, k) ?? k, typeLine(types, v)?.text ?? v]
      : [qs.find((q) => q.key === k)?.text ?? k, v];
  return Object.entries(answers)
    .sort(([a], [b]) => order(a) - order(b))
    .map(([k, v]) => label(k, v));
}

export const run: Run<'show'> = (ctx, { id }) => show(ctx, id);
