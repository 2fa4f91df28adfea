// A tier change, however it came (edit, classify, classify --all), books the next callback by the
// new cadence. The stored tier is the one the current booking was made with.
import type { Day } from '../domain/dates.js';
import type { Prospect, ProspectFields } from '../domain/prospect.js';
import { callbackAfterRegrade } from '../domain/schedule.js';
import type { Settings } from '../domain/settings.js';
import { effectiveTier } from '../domain/tier.js';
import { latestContactDay } from '../store/contacts.js';
import type { DB } from '../store/db.js';

/** `fields` plus the tier that now applies and, when it is hotter, an earlier callback. */
export function withRegrade(
  db: DB,
  p: Prospect,
  fields: ProspectFields,
  today: Day,
  settings: Settings,
): ProspectFields {
  if (fields.tier === undefined) return fields;
  const tier = effectiveTier({ ...p, ...fields }, today);
  if (tier === p.tier || fields.nextCallback !== undefined) return { ...fields, tier };
  const anchor = latestContactDay(db, p.id) ?? p.created.slice(0, 10);
  const next = callbackAfterRegrade({ prospect: p, newTier: tier, anchor, today, settings });
  return next === p.nextCallback ? { ...fields, tier } : { ...fields, tier, nextCallback: next };
}
