// Changing an order's dates after the fact (`edit --delivery`, `--insurance-until`, `--matures`):
// the domain says which reminders move and whether the customer is owed a call; this writes it.
// Callers run it inside their write transaction.
import type { Day } from '../domain/dates.js';
import { planDealChange, type OrderTerms } from '../domain/deal.js';
import type { Prospect } from '../domain/prospect.js';
import { applyReminders, remindersOf } from '../store/contacts.js';
import type { DB } from '../store/db.js';
import { saveDeal } from '../store/deals.js';
import { updateProspect } from '../store/prospects.js';

export function amendDeal(db: DB, p: Prospect, change: OrderTerms, stamp: { now: string; today: Day }): void {
  const plan = planDealChange(p.deal, remindersOf(db, p.id), change, stamp.today);
  saveDeal(db, p.id, plan.fields);
  applyReminders(db, p.id, plan.add, plan.clear);
  if (plan.callNow) updateProspect(db, p.id, { nextCallback: stamp.today }, { now: stamp.now, day: stamp.today });
}
