// Appointments with a time (篇1 §6.1: confirm by phone before a visit): a showroom visit, a test
// drive or a call at the customer's, at a day and an hour in the consultant's own time zone.
import { addDays, parseDay, type Day } from './dates.js';
import { usage } from './errors.js';
import type { ReminderDraft } from './schedule.js';
import { lookupWord } from './vocab.js';

export const APPOINTMENT_KINDS = ['showroom', 'test-drive', 'visit'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

export interface Appointment {
  id: number;
  prospectId: number;
  day: Day;
  /** Local wall-clock time, `HH:MM`. */
  time: string;
  kind: AppointmentKind;
  note: string | null;
}

const KIND_ALIASES: Record<string, AppointmentKind> = {
  到店: 'showroom',
  展厅: 'showroom',
  试驾: 'test-drive',
  testdrive: 'test-drive',
  上门: 'visit',
  拜访: 'visit',
};

export function parseAppointmentKind(input: string): AppointmentKind {
  const hit = lookupWord(APPOINTMENT_KINDS, KIND_ALIASES, input);
  if (hit) return hit;
  throw usage('badAppointmentKind', { input, choices: APPOINTMENT_KINDS.join(', ') });
}

/** `sat 10:00`, `2026-03-07 14:30`, `tomorrow 9:30`, `周六 10:00`: a day, then a 24-hour time. */
export function parseWhen(input: string, today: Day): { day: Day; time: string } {
  const m = /^\s*(.+?)\s+(\d{1,2})[:：](\d{2})\s*$/.exec(input);
  if (!m) throw usage('badWhen', { input });
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 23 || minutes > 59) throw usage('badWhen', { input });
  const day = parseDay(m[1], today, 'future');
  if (day < today) throw usage('appointmentInPast', { date: day });
  return { day, time: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
}

/** Confirm by phone the day before; an appointment made for tomorrow was confirmed as it was made. */
export function confirmation(day: Day, booked: Day): ReminderDraft | null {
  const before = addDays(day, -1);
  return before > booked ? { reason: 'confirm-appointment', due: before, since: booked } : null;
}
