// dealer show: everything about one prospect on one screen.
import type { Context } from '../context.js';
import type { Contact, Prospect, Reminder } from '../domain/prospect.js';
import { questions } from '../domain/script.js';
import { measuring } from '../output/columns.js';
import { card, present } from '../output/prospect.js';
import { answersOf } from '../store/answers.js';
import { contactsOf, remindersOf } from '../store/contacts.js';
import { getProspect } from '../store/prospects.js';
import { referredBy } from '../store/referrals.js';
import { outcomeOf, type Outcome, type Referred } from '../domain/referral.js';
import { requireProspect } from './args.js';
import { scriptsFor } from './script.js';

export type ProspectDetail = Prospect & {
  contacts: Contact[];
  reminders: Reminder[];
  answers: Record<string, string>;
  /** Whom they referred, and what came of it. */
  referrals: (Referred & { outcome: Outcome })[];
};

export async function show(ctx: Context, idText: string): Promise<ProspectDetail> {
  const { db } = await ctx.open('read');
  const p = requireProspect(db, idText);
  const detail = {
    ...present(p, ctx.today),
    contacts: contactsOf(db, p.id),
    reminders: remindersOf(db, p.id),
    answers: answersOf(db, p.id),
    referrals: referredBy(db, p.id).map((r) => ({ ...r, outcome: outcomeOf(r.stage) })),
  };
  if (ctx.json) ctx.printJson(detail);
  else {
    const referrer = p.referredBy ? getProspect(db, p.referredBy)?.name : undefined;
    await measuring(detail, referrer);
    ctx.print(
      card(ctx.t, p, { ...detail, answers: labelledAnswers(ctx, detail.answers), referrer }, ctx.today, ctx.width),
    );
  }
  return detail;
}

/** Answers under their question, in the order the consultation asks them. */
function labelledAnswers(ctx: Context, answers: Record<string, string>): [string, string][] {
  if (Object.keys(answers).length === 0) return [];
  const qs = questions(scriptsFor(ctx).find((t) => t.key === 'consult'));
  const order = (k: string) => {
    const i = qs.findIndex((q) => q.key === k);
    return i < 0 ? qs.length : i;
  };
  return Object.entries(answers)
    .sort(([a], [b]) => order(a) - order(b))
    .map(([k, v]) => [qs.find((q) => q.key === k)?.text ?? k, v]);
}

export const run = (ctx: Context, args: string[]) => show(ctx, args[0]!);
