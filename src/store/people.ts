// The people of an organisation, whom each contact met, and the account's milestones: the only
// place their SQL lives.
import type { Day } from '../domain/dates.js';
import {
  MILESTONE_KINDS,
  ROLES,
  STANCES,
  type Milestone,
  type Person,
  type Role,
  type Stance,
} from '../domain/organisation.js';
import { prepared, type DB } from './db.js';
import { fields, int, oneOf, orNull, text, textOrNull } from './decode.js';

const readRole = oneOf(ROLES);
const readStance = orNull(oneOf(STANCES));
const readMilestoneKind = oneOf(MILESTONE_KINDS);

function toPerson(row: unknown): Person {
  const r = fields(row, 'person');
  return {
    id: int(r.id, 'person.id'),
    orgId: int(r.prospect_id, 'person.prospect_id'),
    name: text(r.name, 'person.name'),
    role: readRole(r.role, 'person.role'),
    phone: textOrNull(r.phone, 'person.phone'),
    stance: readStance(r.stance, 'person.stance'),
    lastMet: textOrNull(r.last_met, 'person.last_met'),
    met: int(r.met, 'person.met'),
  };
}

/** An organisation's people in the order they were added, each with the contacts they were at. */
export function peopleOf(db: DB, orgId: number): Person[] {
  return prepared(
    db,
    `SELECT p.*, max(c.date) AS last_met, count(c.id) AS met FROM person p
     LEFT JOIN contact_person cp ON cp.person_id = p.id
     LEFT JOIN contact c ON c.id = cp.contact_id
     WHERE p.prospect_id = ? GROUP BY p.id ORDER BY p.id`,
  )
    .all(orgId)
    .map(toPerson);
}

export interface PersonDraft {
  orgId: number;
  name: string;
  role: Role;
  phone: string | null;
  stance: Stance | null;
}

export function insertPerson(db: DB, d: PersonDraft, created: string): number {
  return Number(
    prepared(db, 'INSERT INTO person (prospect_id, name, role, phone, stance, created) VALUES (?, ?, ?, ?, ?, ?)').run(
      d.orgId,
      d.name,
      d.role,
      d.phone,
      d.stance,
      created,
    ).lastInsertRowid,
  );
}

/** Changes what was given of a person already known: a stance moves as the sale goes on. */
export function updatePerson(db: DB, id: number, d: Partial<Pick<PersonDraft, 'name' | 'role' | 'phone' | 'stance'>>): void {
  const sets = Object.entries(d).filter(([, v]) => v !== undefined);
  if (sets.length === 0) return;
  // Column names come from the type's keys, never from input.
  prepared(db, `UPDATE person SET ${sets.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`).run(
    ...sets.map(([, v]) => v),
    id,
  );
}

/** Whom a contact met (`visit --with`). */
export function linkPeople(db: DB, contactId: number, personIds: readonly number[]): void {
  const insert = prepared(db, 'INSERT OR IGNORE INTO contact_person (contact_id, person_id) VALUES (?, ?)');
  for (const id of personIds) insert.run(contactId, id);
}

function toMilestone(row: unknown): Milestone {
  const r = fields(row, 'milestone');
  return {
    id: int(r.id, 'milestone.id'),
    orgId: int(r.prospect_id, 'milestone.prospect_id'),
    day: text(r.day, 'milestone.day'),
    kind: readMilestoneKind(r.kind, 'milestone.kind'),
    note: textOrNull(r.note, 'milestone.note'),
  };
}

export function insertMilestone(db: DB, m: Omit<Milestone, 'id'>, created: string): number {
  return Number(
    prepared(db, 'INSERT INTO milestone (prospect_id, day, kind, note, created) VALUES (?, ?, ?, ?, ?)').run(
      m.orgId,
      m.day,
      m.kind,
      m.note,
      created,
    ).lastInsertRowid,
  );
}

export function milestonesOf(db: DB, orgId: number): Milestone[] {
  return prepared(db, 'SELECT * FROM milestone WHERE prospect_id = ? ORDER BY day, id').all(orgId).map(toMilestone);
}

/** Milestones from one day to another, soonest first: the morning list's. */
export function milestonesBetween(db: DB, from: Day, to: Day): Milestone[] {
  return prepared(db, 'SELECT * FROM milestone WHERE day BETWEEN ? AND ? ORDER BY day, id')
    .all(from, to)
    .map(toMilestone);
}

/** Whether the organisation has a milestone from one day to another (the morning list's window). */
export function hasMilestoneBetween(db: DB, orgId: number, from: Day, to: Day): boolean {
  return prepared(db, 'SELECT 1 FROM milestone WHERE prospect_id = ? AND day BETWEEN ? AND ? LIMIT 1').get(orgId, from, to) !== undefined;
}

/** A person taken off the organisation, with the record of which contacts they were at. */
export function deletePerson(db: DB, id: number): void {
  // Deleted here rather than by the cascade, so each row is journaled by its own table's trigger for undo.
  prepared(db, 'DELETE FROM contact_person WHERE person_id = ?').run(id);
  prepared(db, 'DELETE FROM person WHERE id = ?').run(id);
}

export function deleteMilestone(db: DB, id: number): void {
  prepared(db, 'DELETE FROM milestone WHERE id = ?').run(id);
}

export function moveMilestone(db: DB, id: number, day: Day): void {
  prepared(db, 'UPDATE milestone SET day = ? WHERE id = ?').run(day, id);
}

export function noteMilestone(db: DB, id: number, note: string | null): void {
  prepared(db, 'UPDATE milestone SET note = ? WHERE id = ?').run(note, id);
}

/** Whom each of a prospect's contacts met, by contact id, names in the order people were added. */
export function metAtContacts(db: DB, prospectId: number): Map<number, string[]> {
  const rows = prepared(
    db,
    `SELECT cp.contact_id AS contact, p.name AS name FROM contact_person cp
     JOIN person p ON p.id = cp.person_id WHERE p.prospect_id = ? ORDER BY cp.contact_id, p.id`,
  ).all(prospectId);
  const met = new Map<number, string[]>();
  for (const row of rows) {
    const r = fields(row, 'contact_person');
    const id = int(r.contact, 'contact_person.contact_id');
    met.set(id, [...(met.get(id) ?? []), text(r.name, 'person.name')]);
  }
  return met;
}
