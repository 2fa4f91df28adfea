// dealer people: the people of an organisation account (issue 14.3). `people <id>` lists them by
// role with when each was last met; `people add <id> <name> --role …` records one, `people edit`
// changes what is given of one already there (a stance moves as the sale goes on), `people remove`
// takes one off; `people milestone <id> <kind> <date>` puts a selection meeting, tender or funding
// decision on the morning list (`--move-to` when the customer moves it, `--remove` when it is off).
import type { Context } from '../context.js';
import type { Options, Run } from '../specs.js';
import { organisationOf } from '../actions/organisation.js';
import { requireProspect } from '../actions/prospect.js';
import { parseDay } from '../domain/dates.js';
import { usage } from '../domain/errors.js';
import { ID_SHAPE } from '../domain/ids.js';
import {
  allowedRoles,
  checkMilestoneDay,
  checkOrganisation,
  milestoneNote,
  parseMilestoneKind,
  parseRole,
  parseStance,
  personName,
  sameName,
  shapeOf,
  type Milestone,
  type Person,
} from '../domain/organisation.js';
import { halfWidth, normalisePhones } from '../domain/phone.js';
import type { Prospect } from '../domain/prospect.js';
import { parserFor } from '../input/phone.js';
import { peopleView } from '../output/people.js';
import { measuring } from '../output/columns.js';
import { safe } from '../output/screen.js';
import { write, type DB } from '../store/db.js';
import {
  deleteMilestone,
  deletePerson,
  insertMilestone,
  insertPerson,
  milestonesOf,
  moveMilestone,
  noteMilestone,
  peopleOf,
  updatePerson,
} from '../store/people.js';
import { readSettings } from '../store/settings.js';
import { tradeFor } from '../domain/trade.js';

export type PeopleOptions = Options<'people'>;

const HELP = 'dealer people --help';

/** Choices named in the consultant's language: 科室主任、院长/副院长 rather than director, dean. */
const sayIn =
  (ctx: Context, words: Record<string, string>) =>
  (keys: readonly string[]) =>
    keys.map((k) => words[k] ?? k).join(ctx.t.ui.listSeparator);

/** The organisation an id names: it must exist and be an organisation. */
function requireOrganisation(db: DB, idText: string | undefined, missing: 'peopleAddNeeds' | 'milestoneNeeds'): Prospect {
  if (idText === undefined) throw usage(missing);
  const p = requireProspect(db, idText);
  checkOrganisation(p);
  return p;
}

/**
 * A phone kept as typed once it reads as one (or several) numbers, in plain digits (a full-width
 * １３８… would never be found by a search); empty clears it.
 */
async function personPhone(input: string | undefined, region: string): Promise<string | null | undefined> {
  if (input === undefined) return undefined;
  const typed = input.trim();
  if (typed === '') return null;
  normalisePhones(typed, region, await parserFor(typed, region));
  return halfWidth(typed);
}

/** Options an action has no use for are refused rather than dropped without a word. */
function refuseOptions(o: PeopleOptions, action: string, unused: (keyof PeopleOptions)[]): void {
  const given = unused.filter((k) => o[k] !== undefined);
  if (given.length) throw usage('peopleOptionUnused', { action, options: given.map(flagOf).join(', ') });
}
const flagOf = (k: string) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function said(ctx: Context, org: Prospect, person: Person, key: 'personAdded' | 'personUpdated' | 'personRemoved' | 'personUnchanged') {
  if (ctx.json) ctx.printJson(person);
  else
    ctx.print(
      ctx.t.ui[key]({ name: safe(person.name), role: ctx.t.word.role[person.role], id: org.id, org: safe(org.org ?? org.name) }),
    );
}

/** `people add`: someone new. Someone already there (by name, however spaced or cased) is `people edit`'s. */
async function addPerson(ctx: Context, idText: string | undefined, nameText: string | undefined, o: PeopleOptions) {
  refuseOptions(o, 'add', ['name', 'note', 'moveTo', 'remove']);
  if (nameText === undefined) throw usage('peopleAddNeeds');
  const name = personName(nameText);
  const stance = o.stance === undefined || o.stance.trim() === '' ? null : parseStance(o.stance, sayIn(ctx, ctx.t.word.stance));
  const { db } = await ctx.open('write');
  const org = requireOrganisation(db, idText, 'peopleAddNeeds');
  const settings = readSettings(db);
  const phone = await personPhone(o.phone, settings.region);
  const shape = shapeOf(tradeFor(org, settings));
  const known = peopleOf(db, org.id).find((p) => sameName(p.name, name));
  // Adding a name already there would otherwise rewrite that person (and empty their role's slot).
  if (known) throw usage('personExists', { id: org.id, name: safe(known.name), role: ctx.t.word.role[known.role] });
  if (o.role === undefined) throw usage('roleNeeded', { id: org.id, name, choices: roleChoices(ctx, shape) });
  const role = parseRole(o.role, shape, sayIn(ctx, ctx.t.word.role));
  const id = write(db, () => insertPerson(db, { orgId: org.id, name, role, phone: phone ?? null, stance }, ctx.stamp));
  const person = peopleOf(db, org.id).find((p) => p.id === id);
  if (!person) throw new Error(`person #${id} vanished`);
  said(ctx, org, person, 'personAdded');
  return person;
}

const roleChoices = (ctx: Context, shape: ReturnType<typeof shapeOf>) =>
  allowedRoles(shape)
    .map((r) => ctx.t.word.role[r])
    .join(ctx.t.ui.listSeparator);

/** The person a name names at this organisation, or a usage error listing who is there. */
function requirePerson(db: DB, org: Prospect, nameText: string | undefined): Person {
  if (nameText === undefined) throw usage('peopleAddNeeds');
  const people = peopleOf(db, org.id);
  const hit = people.find((p) => sameName(p.name, nameText));
  if (!hit)
    throw usage(people.length ? 'unknownPerson' : 'noPeopleYet', {
      id: org.id,
      input: nameText,
      known: people.map((p) => p.name).join(', '),
    });
  return hit;
}

/**
 * `people edit`: a role, phone or stance changed, or the name corrected (the same person: the
 * contacts that met them follow); an empty --stance or --phone clears it.
 */
async function editPerson(ctx: Context, idText: string | undefined, nameText: string | undefined, o: PeopleOptions) {
  refuseOptions(o, 'edit', ['note', 'moveTo', 'remove']);
  const stance =
    o.stance === undefined ? undefined : o.stance.trim() === '' ? null : parseStance(o.stance, sayIn(ctx, ctx.t.word.stance));
  const { db } = await ctx.open('write');
  const org = requireOrganisation(db, idText, 'peopleAddNeeds');
  const settings = readSettings(db);
  const phone = await personPhone(o.phone, settings.region);
  const role =
    o.role === undefined ? undefined : parseRole(o.role, shapeOf(tradeFor(org, settings)), sayIn(ctx, ctx.t.word.role));
  const known = requirePerson(db, org, nameText);
  const name = o.name === undefined ? undefined : personName(o.name);
  const other = name === undefined ? undefined : peopleOf(db, org.id).find((p) => p.id !== known.id && sameName(p.name, name));
  if (other) throw usage('personExists', { id: org.id, name: safe(other.name), role: ctx.t.word.role[other.role] });
  const change = {
    ...(name !== undefined && name !== known.name ? { name } : {}),
    ...(role !== undefined && role !== known.role ? { role } : {}),
    ...(phone !== undefined && phone !== known.phone ? { phone } : {}),
    ...(stance !== undefined && stance !== known.stance ? { stance } : {}),
  };
  if (Object.keys(change).length === 0) {
    said(ctx, org, known, 'personUnchanged');
    return known;
  }
  write(db, () => updatePerson(db, known.id, change));
  const person = peopleOf(db, org.id).find((p) => p.id === known.id) ?? known;
  said(ctx, org, person, 'personUpdated');
  return person;
}

/** `people remove`: one entered by mistake, or gone from the unit; `dealer undo` brings them back. */
async function removePerson(ctx: Context, idText: string | undefined, nameText: string | undefined, o: PeopleOptions) {
  refuseOptions(o, 'remove', ['role', 'phone', 'stance', 'name', 'note', 'moveTo', 'remove']);
  const { db } = await ctx.open('write');
  const org = requireOrganisation(db, idText, 'peopleAddNeeds');
  const person = requirePerson(db, org, nameText);
  // The contacts that met them would no longer say whom they met: history is not rewritten.
  if (person.met > 0) throw usage('personMet', { id: org.id, name: safe(person.name), count: person.met });
  write(db, () => deletePerson(db, person.id));
  said(ctx, org, person, 'personRemoved');
  return person;
}

async function milestone(ctx: Context, args: string[], o: PeopleOptions): Promise<Milestone> {
  refuseOptions(o, 'milestone', ['role', 'phone', 'stance', 'name']);
  const [idText, kindText, dayText] = args;
  if (kindText === undefined || dayText === undefined) throw usage('milestoneNeeds');
  if (o.remove && o.moveTo !== undefined) throw usage('milestoneMoveOrRemove');
  const kind = parseMilestoneKind(kindText, sayIn(ctx, ctx.t.word.milestone));
  const note = milestoneNote(o.note);
  // Moving or removing names a milestone already recorded, whose day may be past by now.
  const changing = o.remove === true || o.moveTo !== undefined;
  const day = changing ? parseDay(dayText, ctx.today) : checkMilestoneDay(parseDay(dayText, ctx.today, 'future'), ctx.today);
  const moveTo = o.moveTo === undefined ? undefined : checkMilestoneDay(parseDay(o.moveTo, ctx.today, 'future'), ctx.today);
  const { db } = await ctx.open('write');
  const org = requireOrganisation(db, idText, 'milestoneNeeds');
  // A lost account is never on the list: its milestone would exist only in `people`.
  if (org.stage === 'lost' && !changing) throw usage('milestoneOnLost', { id: org.id });
  const orgName = safe(org.org ?? org.name);
  const kindWord = ctx.t.word.milestone[kind];
  const existing = milestonesOf(db, org.id).find((m) => m.kind === kind && m.day === day);
  const tell = (m: Milestone, text: string) => {
    if (ctx.json) ctx.printJson(m);
    else ctx.print(text);
    return m;
  };
  if (changing) {
    if (!existing) throw usage('noSuchMilestone', { id: org.id, kind: kindWord, day });
    if (o.remove) {
      write(db, () => deleteMilestone(db, existing.id));
      return tell(existing, ctx.t.ui.milestoneRemoved({ kind: kindWord, id: org.id, org: orgName, day }));
    }
    if (moveTo === undefined) throw usage('milestoneMoveOrRemove');
    const to = moveTo;
    const renote = noteChanged(existing, o.note, note);
    // Moving to the day it already has changes nothing: no write, no undo step spent on it.
    if (to === day && !renote) return tell(existing, ctx.t.ui.milestoneUnchanged({ kind: kindWord, id: org.id, org: orgName, day }));
    write(db, () => {
      if (to !== day) moveMilestone(db, existing.id, to);
      if (renote) noteMilestone(db, existing.id, note);
    });
    const moved = { ...existing, day: to, note: renote ? note : existing.note };
    if (to === day) return tell(moved, ctx.t.ui.milestoneNoteUpdated({ kind: kindWord, id: org.id, org: orgName, day }));
    return tell(moved, ctx.t.ui.milestoneMoved({ kind: kindWord, id: org.id, org: orgName, day, to }));
  }
  // The same meeting on the same day twice would be two rows on the list and two calendar events;
  // a new note for it replaces the old one rather than being dropped.
  if (existing) {
    if (!noteChanged(existing, o.note, note))
      return tell(existing, ctx.t.ui.milestoneKnown({ kind: kindWord, id: org.id, org: orgName, day }));
    write(db, () => noteMilestone(db, existing.id, note));
    return tell({ ...existing, note }, ctx.t.ui.milestoneNoteUpdated({ kind: kindWord, id: org.id, org: orgName, day }));
  }
  const draft = { orgId: org.id, day, kind, note };
  const id = write(db, () => insertMilestone(db, draft, ctx.stamp));
  return tell({ id, ...draft }, ctx.t.ui.milestoneAdded({ kind: kindWord, id: org.id, org: orgName, day }));
}

/** Whether --note was given and says something other than what the milestone holds. */
const noteChanged = (m: Milestone, typed: string | undefined, note: string | null) => typed !== undefined && note !== m.note;

async function list(ctx: Context, idText: string, o: PeopleOptions) {
  refuseOptions(o, 'list', ['role', 'phone', 'stance', 'name', 'note', 'moveTo', 'remove']);
  const { db } = await ctx.open('read');
  const org = requireProspect(db, idText);
  checkOrganisation(org);
  const view = organisationOf(db, org);
  if (ctx.json) ctx.printJson(view);
  else {
    await measuring(view);
    ctx.print(peopleView(ctx.t, view, ctx.today, ctx.width));
  }
  return view;
}

const ON_A_PERSON = { add: addPerson, edit: editPerson, remove: removePerson } as const;

export async function people(ctx: Context, first: string, rest: string[], o: PeopleOptions): Promise<unknown> {
  if (first === 'add' || first === 'edit' || first === 'remove') {
    if (rest.length > 2) throw usage('excessArguments', { got: rest.slice(2).join(' '), help: HELP });
    return ON_A_PERSON[first](ctx, rest[0], rest[1], o);
  }
  if (first === 'milestone') {
    if (rest.length > 3) throw usage('excessArguments', { got: rest.slice(3).join(' '), help: HELP });
    return milestone(ctx, rest, o);
  }
  // Anything else must be an organisation's id (`42`, `#42`); a word is a mistyped action.
  if (!ID_SHAPE.test(first)) throw usage('badPeopleAction', { input: first });
  if (rest.length > 0) throw usage('excessArguments', { got: rest.join(' '), help: HELP });
  return list(ctx, first, o);
}

export const run: Run<'people'> = (ctx, { orgOrAction, args, ...o }) => people(ctx, orgOrAction, args, o);
