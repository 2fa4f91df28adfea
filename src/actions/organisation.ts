// An organisation's people, roles map and milestones read together: `people` lists them, `show`
// adds them under the card. The shape (hospital or unit buyer) follows the deal's trade.
import { isReserve, roleMap, shapeOf, type OrganisationView } from '../domain/organisation.js';
import type { Prospect } from '../domain/prospect.js';
import type { DB } from '../store/db.js';
import { milestonesOf, peopleOf } from '../store/people.js';
import { readSettings } from '../store/settings.js';

export function organisationOf(db: DB, p: Prospect): OrganisationView {
  const shape = shapeOf(p.trade ?? readSettings(db).trade);
  const people = peopleOf(db, p.id);
  return {
    id: p.id,
    name: p.name,
    shape,
    people,
    roles: roleMap(shape, people),
    milestones: milestonesOf(db, p.id),
    reserve: isReserve(p),
  };
}
