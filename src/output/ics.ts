// iCalendar (RFC 5545) for a phone's calendar app: all-day events, CRLF lines folded at 75 octets,
// text escaped. A UID stays the same for the same duty, so importing again updates the event
// instead of adding a second one.
import { safe } from './screen.js';

// A calendar app shows SUMMARY and DESCRIPTION as they are: a stored control character is made
// visible (see screen.ts), while a line break stays one (RFC 5545's "\n").
const escapeText = (text: string) =>
  text
    .split(/\r?\n/)
    .map(safe)
    .join('\n')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export interface CalendarEvent {
  uid: string;
  day: string;
  summary: string;
  description: string;
  /** A timed appointment's local start (`14:30`); without it the event takes the whole day. */
  time?: string;
  /** Minutes from the start to remind at: all-day events start at midnight, so 540 is 09:00. */
  alarm?: number;
  /** Gone since the last export: the same UID with STATUS:CANCELLED makes the phone drop it. */
  cancelled?: boolean;
}

/** RFC 5545 duration: 540 → PT9H, -30 → -PT30M. */
function duration(minutes: number): string {
  const m = Math.abs(minutes);
  const text = `PT${m >= 60 ? `${Math.floor(m / 60)}H` : ''}${m % 60 || m === 0 ? `${m % 60}M` : ''}`;
  return minutes < 0 ? `-${text}` : text;
}

/** When the event happens: a floating local time for appointments (the phone's own zone), else the day. */
function when(e: CalendarEvent): string[] {
  if (!e.time) return [`DTSTART;VALUE=DATE:${compact(e.day)}`, `DTEND;VALUE=DATE:${compact(nextDay(e.day))}`];
  return [`DTSTART:${compact(e.day)}T${e.time.replace(':', '')}00`, 'DURATION:PT1H'];
}

function alarm(e: CalendarEvent): string[] {
  if (e.alarm === undefined || e.cancelled) return [];
  return [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER:${duration(e.alarm)}`,
    `DESCRIPTION:${escapeText(e.summary)}`,
    'END:VALARM',
  ];
}

const compact = (day: string) => day.replace(/-/g, '');

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function calendar(name: string, events: CalendarEvent[], now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  // Each export supersedes the last: a later SEQUENCE tells the calendar to take the new date.
  const sequence = Math.floor(now.getTime() / 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//dealer//callbacks//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${sequence}`,
      ...when(e),
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.cancelled ? ['STATUS:CANCELLED'] : []),
      // A timed appointment blocks the time; a duty leaves the day free.
      e.time ? 'TRANSP:OPAQUE' : 'TRANSP:TRANSPARENT',
      ...alarm(e),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
