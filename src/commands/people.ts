// dealer people: the people of an organisation account (issue 14.3). `people <id>` lists them by
// role with when each was last met; `people add <id> <name> --role …` records one (or, for someone
// already there, changes what is given: a stance moves as the sale goes on); `people milestone <id>
// <kind> <date>` puts a selection meeting, tender or funding decision on that morning's list.
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { organisationOf } from '../actions/organisation.js';
import { requireProspect } from '../actions/prospect.js';
import { parseDay } from '../domain/dates.js';
import { usage } from '../domain/errors.js';
import {
  allowedRoles,
  checkMilestoneDay,
  checkOrganisation,
  parseMilestoneKind,
  parseRole,
  parseStance,
  personName,
  sameName,
  shapeOf,
  type Milestone,
} from '../domain/organisation.js';
import { normalisePhones } from '../domain/phone.js';
import type { Prospect } from '../domain/prospect.js';
import { parserFor } from '../input/phone.js';
import { peopleView } from '../output/people.js';
import { safe } from '../output/screen.js';
import { write, type DB } from '../store/db.js';
import { insertMilestone, insertPerson, peopleOf, updatePerson } from '../store/people.js';
import { readSettings } from '../store/settings.js';

export type PeopleOptions = Options<'people'>;

const HELP = 'dealer people --help';

/** The organisation an id names: it must exist and be an organisation. */
function requireOrganisation(db: DB, idText: string | undefined, missing: 'peopleAddNeeds' | 'milestoneNeeds'): Prospect {
  if (idText === undefined) throw usage(missing);
  const p = requireProspect(db, idText);
  checkOrganisation(p);
  return p;
}

/** A phone kept as typed once it reads as one (or several) numbers; empty clears it. */
async function personPhone(input: string | undefined, region: string): Promise<string | null | undefined> {
  if (input === undefined) return undefined;
  const typed = input.trim();
  if (typed === '') return null;
  normalisePhones(typed, region, await parserFor(typed, region));
  return typed;
}

async function addPerson(ctx: Context, idText: string | undefined, nameText: string | undefined, o: PeopleOptions) {
  if (nameText === undefined) throw usage('peopleAddNeeds');
  const name = personName(nameText);
  const stance = o.stance === undefined ? undefined : parseStance(o.stance);
  const { db } = await ctx.open('write');
  const org = requireOrganisation(db, idText, 'peopleAddNeeds');
  const settings = readSettings(db);
  const phone = await personPhone(o.phone, settings.region);
  const shape = shapeOf(org.trade ?? settings.trade);
  const role = o.role === undefined ? undefined : parseRole(o.role, shape);
  const known = peopleOf(db, org.id).find((p) => sameName(p.name, name));
  const id = write(db, () => {
    if (known) {
      updatePerson(db, known.id, { role, phone, stance });
      return known.id;
    }
    if (role === undefined) throw usage('roleNeeded', { id: org.id, name, choices: allowedRoles(shape).join(', ') });
    return insertPerson(db, { orgId: org.id, name, role, phone: phone ?? null, stance: stance ?? null }, ctx.stamp);
  });
  const person = peopleOf(db, org.id).find((p) => p.id === id);
  if (!person) throw new Error(`person #${id} vanished`);
  if (ctx.json) ctx.printJson(person);
  else
    ctx.print(
      ctx.t.ui[known ? 'personUpdated' : 'personAdded']({
        name: safe(person.name),
        role: ctx.t.word.role[person.role],
        id: org.id,
        org: safe(org.name),
      }),
    );
  return person;
}

async function addMilestone(ctx: Context, args: string[], o: PeopleOptions): Promise<Milestone> {
  const [idText, kindText, dayText] = args;
  if (kindText === undefined || dayText === undefined) throw usage('milestoneNeeds');
  const kind = parseMilestoneKind(kindText);
  const day = checkMilestoneDay(parseDay(dayText, ctx.today, 'future'), ctx.today);
  const { db } = await ctx.open('write');
  const org = requireOrganisation(db, idText, 'milestoneNeeds');
  const draft = { orgId: org.id, day, kind, note: o.note?.trim() || null };
  const id = write(db, () => insertMilestone(db, draft, ctx.stamp));
  const milestone = { id, ...draft };
  if (ctx.json) ctx.printJson(milestone);
  else
    ctx.print(ctx.t.ui.milestoneAdded({ kind: ctx.t.word.milestone[kind], id: org.id, org: safe(org.name), day }));
  return milestone;
}

async function list(ctx: Context, idText: string) {
  const { db } = await ctx.open('read');
  const org = requireProspect(db, idText);
  checkOrganisation(org);
  const view = organisationOf(db, org);
  if (ctx.json) ctx.printJson(view);
  else ctx.print(peopleView(ctx.t, view, ctx.today, ctx.width));
  return view;
}

export async function people(ctx: Context, first: string, rest: string[], o: PeopleOptions): Promise<unknown> {
  if (first === 'add') {
    if (rest.length > 2) throw usage('excessArguments', { got: rest.slice(2).join(' '), help: HELP });
    return addPerson(ctx, rest[0], rest[1], o);
  }
  if (first === 'milestone') {
    if (rest.length > 3) throw usage('excessArguments', { got: rest.slice(3).join(' '), help: HELP });
    return addMilestone(ctx, rest, o);
  }
  // Anything else must be an organisation's id (`42`, `#42`); a word is a mistyped action.
  if (!/^#?[0-9]+$/.test(first)) throw usage('badPeopleAction', { input: first });
  if (rest.length > 0) throw usage('excessArguments', { got: rest.join(' '), help: HELP });
  return list(ctx, first);
}

export const run: Run<'people'> = (ctx, { orgOrAction, args, ...o }) => people(ctx, orgOrAction, args, o);
