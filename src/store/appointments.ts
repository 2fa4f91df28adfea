// Appointments: the only place their SQL lives.
import type { Appointment, AppointmentKind } from '../domain/appointment.js';
import type { Day } from '../domain/dates.js';
import { prepared, type DB } from './db.js';

type Row = { id: number; prospect_id: number; at: string; kind: string; note: string | null };

const toAppointment = (r: Row): Appointment => ({
  id: r.id,
  prospectId: r.prospect_id,
  day: r.at.slice(0, 10),
  time: r.at.slice(11, 16),
  kind: r.kind as AppointmentKind,
  note: r.note,
});

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
  const row = prepared(db, 'SELECT * FROM appointment WHERE id = ?').get(id) as Row | undefined;
  return row && toAppointment(row);
}

export function deleteAppointment(db: DB, id: number): void {
  prepared(db, 'DELETE FROM appointment WHERE id = ?').run(id);
}

/** Appointments from a day on, soonest first, with the prospect's name and phone. */
export function appointmentsFrom(db: DB, from: Day): (Appointment & { name: string; phone: string | null })[] {
  const rows = prepared(
    db,
    `SELECT a.*, p.name, p.phone FROM appointment a JOIN prospect p ON p.id = a.prospect_id
     WHERE a.at >= ? ORDER BY a.at, a.id`,
  ).all(from) as (Row & { name: string; phone: string | null })[];
  return rows.map((r) => ({ ...toAppointment(r), name: r.name, phone: r.phone }));
}

/** The confirmation call booked with an appointment, to drop with it when it is cancelled. */
export function confirmationFor(db: DB, prospectId: number, due: Day): number | undefined {
  return prepared(
    db,
    "SELECT id FROM reminder WHERE prospect_id = ? AND reason = 'confirm-appointment' AND due = ? ORDER BY id LIMIT 1",
  )
    .pluck()
    .get(prospectId, due) as number | undefined;
}
