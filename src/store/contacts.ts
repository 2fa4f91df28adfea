// Contacts (every call, visit, message) and the reminders they create or clear.
import type { Day } from '../domain/dates.js';
import type { Contact, Reminder } from '../domain/prospect.js';
import type { ReminderDraft } from '../domain/schedule.js';
import type { Kind, Stage } from '../domain/vocab.js';
import { prepared, type DB } from './db.js';
import { assertNextIdSafe } from './ids.js';

type Row = Record<string, unknown>;

function toContact(r: Row): Contact {
  return {
    id: r.id as number,
    prospectId: r.prospect_id as number,
    date: r.date as Day,
    kind: r.kind as Kind,
    outcome: r.outcome as string | null,
    note: r.note as string | null,
    stage: r.stage as Stage | null,
    objections: r.objections ? (r.objections as string).split(',') : [],
    created: r.created as string,
  };
}

export function contactExists(db: DB, id: number): boolean {
  return prepared(db, 'SELECT 1 FROM contact WHERE id = ?').get(id) !== undefined;
}

/** Inserts a contact; `id` keeps the number it had in an exported file. */
export function insertContact(db: DB, c: Omit<Contact, 'id'>, id?: number): number {
  if (id === undefined) assertNextIdSafe(db, 'contact');
  return Number(
    prepared(
      db,
      `INSERT INTO contact (id, prospect_id, date, kind, outcome, note, stage, objections, created)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id ?? null,
      c.prospectId,
      c.date,
      c.kind,
      c.outcome,
      c.note,
      c.stage,
      c.objections.join(',') || null,
      c.created,
    ).lastInsertRowid,
  );
}

/** The latest contact by date (then by order recorded): it decides the next callback. */
export function latestContact(db: DB, prospectId: number): Contact | undefined {
  const row = prepared(db, 'SELECT * FROM contact WHERE prospect_id = ? ORDER BY date DESC, id DESC LIMIT 1').get(
    prospectId,
  ) as Row | undefined;
  return row && toContact(row);
}

export function contactsOf(db: DB, prospectId: number): Contact[] {
  return (prepared(db, 'SELECT * FROM contact WHERE prospect_id = ? ORDER BY date, id').all(prospectId) as Row[]).map(
    toContact,
  );
}

export function hasVisited(db: DB, prospectId: number): boolean {
  return (
    prepared(db, "SELECT 1 FROM contact WHERE prospect_id = ? AND kind IN ('showroom', 'visit') LIMIT 1").get(
      prospectId,
    ) !== undefined
  );
}

export function contactsOn(db: DB, day: Day): number {
  return prepared(db, 'SELECT count(*) FROM contact WHERE date = ?').pluck().get(day) as number;
}

/** All objections heard from a prospect, most recent first, without repeats. */
export function objectionsOf(db: DB, prospectId: number): string[] {
  const rows = prepared(
    db,
    'SELECT objections FROM contact WHERE prospect_id = ? AND objections IS NOT NULL ORDER BY date DESC, id DESC',
  )
    .pluck()
    .all(prospectId) as string[];
  return [...new Set(rows.flatMap((r) => r.split(',')))];
}

export function remindersOf(db: DB, prospectId: number): Reminder[] {
  return (prepared(db, 'SELECT * FROM reminder WHERE prospect_id = ? ORDER BY due, id').all(prospectId) as Row[]).map(
    (r) => ({
      id: r.id as number,
      prospectId: r.prospect_id as number,
      reason: r.reason as Reminder['reason'],
      due: r.due as Day,
      since: r.since as Day,
    }),
  );
}

export function applyReminders(db: DB, prospectId: number, add: ReminderDraft[], clear: number[]): void {
  const del = prepared(db, 'DELETE FROM reminder WHERE id = ?');
  for (const id of clear) del.run(id);
  const ins = prepared(db, 'INSERT INTO reminder (prospect_id, reason, due, since) VALUES (?, ?, ?, ?)');
  for (const r of add) ins.run(prospectId, r.reason, r.due, r.since);
}

export function getContact(db: DB, id: number): Contact | undefined {
  const row = prepared(db, 'SELECT * FROM contact WHERE id = ?').get(id) as Row | undefined;
  return row && toContact(row);
}

/** A corrected contact: its day, kind, note, outcome and the stage it left the prospect at. */
export function updateContact(
  db: DB,
  id: number,
  c: Pick<Contact, 'date' | 'kind' | 'note' | 'outcome' | 'stage'>,
): void {
  prepared(db, 'UPDATE contact SET date = ?, kind = ?, note = ?, outcome = ?, stage = ? WHERE id = ?').run(
    c.date,
    c.kind,
    c.note,
    c.outcome,
    c.stage,
    id,
  );
}

export function deleteContact(db: DB, id: number): void {
  prepared(db, 'DELETE FROM contact WHERE id = ?').run(id);
}

export function moveReminders(db: DB, moves: { id: number; due: Day }[]): void {
  const move = prepared(db, 'UPDATE reminder SET due = ? WHERE id = ?');
  for (const m of moves) move.run(m.due, m.id);
}

/** The birthday greeted last (the day of that year's birthday), if any. */
export function birthdayGreeted(db: DB, prospectId: number): Day | null {
  return (prepared(db, 'SELECT birthday_greeted FROM prospect WHERE id = ?').pluck().get(prospectId) ??
    null) as Day | null;
}

export function greetBirthday(db: DB, prospectId: number, day: Day): void {
  prepared(db, 'UPDATE prospect SET birthday_greeted = ? WHERE id = ?').run(day, prospectId);
}
