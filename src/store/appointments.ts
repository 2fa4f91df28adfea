// Appointments: the only place their SQL lives.
import { APPOINTMENT_KINDS, type Appointment } from '../domain/appointment.js';
import type { Day } from '../domain/dates.js';
import { prepared, type DB } from './db.js';
import { fields, int, intOrNull, oneOf, text, textOrNull } from './decode.js';

const readKind = oneOf(APPOINTMENT_KINDS);

/** `at` is the local `YYYY-MM-DD HH:MM`: its day and its time. */
function toAppointment(row: unknown): Appointment {
  const r = fields(row, 'appointment');
  const at = text(r.at, 'appointment.at');
  return {
    id: int(r.id, 'appointment.id'),
    prospectId: int(r.prospect_id, 'appointment.prospect_id'),
    day: at.slice(0, 10),
    time: at.slice(11, 16),
    kind: readKind(r.kind, 'appointment.kind'),
    note: textOrNull(r.note, 'appointment.note'),
  };
}

export function insertAppointment(db: DB, a: Omit<Appointment, 'id'>, created: string): number {
  return Number(
    prepared(db, 'INSERT INTO appointment (prospect_id, at, kind, note, created) VALUES (?, ?, ?, ?, ?)').run(
      a.prospectId,
      `${a.day} ${a.time}`,
      a.kind,
      a.note,
      created,
    ).lastInsertRowid,
  );
}

export function getAppointment(db: DB, id: number): Appointment | undefined {
  const row: unknown = prepared(db, 'SELECT * FROM appointment WHERE id = ?').get(id);
  return row === undefined ? undefined : toAppointment(row);
}

export function deleteAppointment(db: DB, id: number): void {
  prepared(db, 'DELETE FROM appointment WHERE id = ?').run(id);
}

/** Appointments from a day on, soonest first, with the prospect's name and phone. */
export function appointmentsFrom(db: DB, from: Day): (Appointment & { name: string; phone: string | null })[] {
  return prepared(
    db,
    `SELECT a.*, p.name, p.phone FROM appointment a JOIN prospect p ON p.id = a.prospect_id
     WHERE a.at >= ? ORDER BY a.at, a.id`,
  )
    .all(from)
    .map((row) => {
      const r = fields(row, 'appointment');
      return { ...toAppointment(row), name: text(r.name, 'prospect.name'), phone: textOrNull(r.phone, 'prospect.phone') };
    });
}

/** The confirmation call booked with an appointment, to drop with it when it is cancelled. */
export function confirmationFor(db: DB, prospectId: number, due: Day): number | undefined {
  const id: unknown = prepared(
    db,
    "SELECT id FROM reminder WHERE prospect_id = ? AND reason = 'confirm-appointment' AND due = ? ORDER BY id LIMIT 1",
  )
    .pluck()
    .get(prospectId, due);
  return intOrNull(id ?? null, 'reminder.id') ?? undefined;
}
