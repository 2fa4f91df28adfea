// Contacts (every call, visit, message) and the reminders they create or clear.
import type { Day } from '../domain/dates.js';
import { DUTIES, type Contact, type Reminder } from '../domain/prospect.js';
import type { ReminderDraft } from '../domain/schedule.js';
import { prepared, type DB } from './db.js';
import { fields, int, oneOf, orNull, readContactKind, readStage as readAnyStage, text, textOrNull } from './decode.js';
import { assertNextIdSafe } from './ids.js';

const readKind = readContactKind;
const readStage = orNull(readAnyStage);
const readReason = oneOf(DUTIES);

function toContact(row: unknown): Contact {
  const r = fields(row, 'contact');
  const objections = textOrNull(r.objections, 'contact.objections');
  return {
    id: int(r.id, 'contact.id'),
    prospectId: int(r.prospect_id, 'contact.prospect_id'),
    date: text(r.date, 'contact.date'),
    kind: readKind(r.kind, 'contact.kind'),
    outcome: textOrNull(r.outcome, 'contact.outcome'),
    note: textOrNull(r.note, 'contact.note'),
    stage: readStage(r.stage, 'contact.stage'),
    objections: objections ? objections.split(',') : [],
    created: text(r.created, 'contact.created'),
  };
}

function toReminder(row: unknown): Reminder {
  const r = fields(row, 'reminder');
  return {
    id: int(r.id, 'reminder.id'),
    prospectId: int(r.prospect_id, 'reminder.prospect_id'),
    reason: readReason(r.reason, 'reminder.reason'),
    due: text(r.due, 'reminder.due'),
    since: text(r.since, 'reminder.since'),
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

/** The latest contact by date (then by order recorded). */
export function latestContact(db: DB, prospectId: number): Contact | undefined {
  const row: unknown = prepared(
    db,
    'SELECT * FROM contact WHERE prospect_id = ? ORDER BY date DESC, id DESC LIMIT 1',
  ).get(prospectId);
  return row === undefined ? undefined : toContact(row);
}

/** The day of the latest contact: it decides whether a contact reschedules the next callback. */
export function latestContactDay(db: DB, prospectId: number): Day | undefined {
  const day: unknown = prepared(db, 'SELECT max(date) FROM contact WHERE prospect_id = ?').pluck().get(prospectId);
  return typeof day === 'string' ? day : undefined;
}

export function contactsOf(db: DB, prospectId: number): Contact[] {
  return prepared(db, 'SELECT * FROM contact WHERE prospect_id = ? ORDER BY date, id').all(prospectId).map(toContact);
}

export function hasVisited(db: DB, prospectId: number): boolean {
  return (
    prepared(db, "SELECT 1 FROM contact WHERE prospect_id = ? AND kind IN ('showroom', 'visit') LIMIT 1").get(
      prospectId,
    ) !== undefined
  );
}

export function contactsOn(db: DB, day: Day): number {
  return int(prepared(db, 'SELECT count(*) FROM contact WHERE date = ?').pluck().get(day), 'count');
}

/** All objections heard from a prospect, most recent first, without repeats. */
export function objectionsOf(db: DB, prospectId: number): string[] {
  const rows = prepared(
    db,
    'SELECT objections FROM contact WHERE prospect_id = ? AND objections IS NOT NULL ORDER BY date DESC, id DESC',
  )
    .pluck()
    .all(prospectId);
  return [...new Set(rows.flatMap((r) => text(r, 'contact.objections').split(',')))];
}

export function remindersOf(db: DB, prospectId: number): Reminder[] {
  return prepared(db, 'SELECT * FROM reminder WHERE prospect_id = ? ORDER BY due, id').all(prospectId).map(toReminder);
}

export function applyReminders(db: DB, prospectId: number, add: ReminderDraft[], clear: number[]): void {
  const del = prepared(db, 'DELETE FROM reminder WHERE id = ?');
  for (const id of clear) del.run(id);
  const ins = prepared(db, 'INSERT INTO reminder (prospect_id, reason, due, since) VALUES (?, ?, ?, ?)');
  for (const r of add) ins.run(prospectId, r.reason, r.due, r.since);
}

export function getContact(db: DB, id: number): Contact | undefined {
  const row: unknown = prepared(db, 'SELECT * FROM contact WHERE id = ?').get(id);
  return row === undefined ? undefined : toContact(row);
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
  const day: unknown = prepared(db, 'SELECT birthday_greeted FROM prospect WHERE id = ?').pluck().get(prospectId);
  return day === undefined ? null : textOrNull(day, 'prospect.birthday_greeted');
}

export function greetBirthday(db: DB, prospectId: number, day: Day): void {
  prepared(db, 'UPDATE prospect SET birthday_greeted = ? WHERE id = ?').run(day, prospectId);
}
