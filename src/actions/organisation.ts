// An organisation's people, roles map and milestones read together: `people` lists them, `show`
// adds them under the card. The shape (hospital or unit buyer) follows the deal's trade.
import { isReserve, roleMap, shapeOf, type OrganisationView } from '../domain/organisation.js';
import type { Prospect } from '../domain/prospect.js';
import type { DB } from '../store/db.js';
import { metAtContacts, milestonesOf, peopleOf } from '../store/people.js';
import { contactsOf } from '../store/contacts.js';
import type { Contact } from '../domain/prospect.js';
import { readSettings } from '../store/settings.js';
import { tradeFor } from '../domain/trade.js';

export function organisationOf(db: DB, p: Prospect): OrganisationView {
  const shape = shapeOf(tradeFor(p, readSettings(db)));
  const people = peopleOf(db, p.id);
  return {
    id: p.id,
    // People belong to the organisation, not to the contact person the prospect is named after.
    name: p.org ?? p.name,
    shape,
    people,
    roles: roleMap(shape, people),
    milestones: milestonesOf(db, p.id),
    reserve: isReserve(p),
  };
}

/** A prospect's contacts, an organisation's each with whom it met: `contacts` and `show` list them. */
export function contactsWithMet(db: DB, p: Prospect): Contact[] {
  const list = contactsOf(db, p.id);
  if (p.kind !== 'org') return list;
  const met = metAtContacts(db, p.id);
  return list.map((c) => {
    const names = met.get(c.id);
    return names ? { ...c, with: names } : c;
  });
}
