// The morning list as text: a summary line, then the due items grouped by tier, hottest first,
// customers last.
import { weekday, type Day } from '../domain/dates.js';
import type { DueItem } from '../domain/due.js';
import type { Messages } from '../i18n/en.js';
import { paint } from './color.js';
import { displayWidth, table, wrap, type Cell } from './columns.js';
import { safe } from './screen.js';
import { labelOf, topicName } from '../i18n/label.js';
import { stageName } from './trade.js';

export interface TodayData {
  on: Day;
  items: DueItem[];
  limit: number;
  contactsToday: number;
  goal: number;
  next?: DueItem;
  width?: number;
  /** Leave out the closing tip (the caller says it elsewhere: to stderr when piped). */
  noTip?: boolean;
}

/** Why they are due; a departure notice also says the birthday on the trip, for the guide. */
export function reasonText(t: Messages, i: DueItem): string {
  if (i.milestone)
    return i.milestone.day === i.due
      ? t.word.milestone[i.milestone.kind]
      : t.ui.milestoneAhead({ kind: t.word.milestone[i.milestone.kind], day: i.milestone.day });
  const why = t.word.reason[i.reason];
  return i.birthdayOnTrip ? t.ui.birthdayOnTrip({ why, day: i.birthdayOnTrip }) : why;
}

function dueCell(t: Messages, item: DueItem, on: Day): Cell {
  if (item.overdueDays > 0) return { text: t.ui.overdue({ days: item.overdueDays }), style: paint.red };
  if (item.time) return { text: item.due === on ? item.time : `${item.due} ${item.time}`, style: paint.yellow };
  return item.due === on ? { text: t.ui.dueToday, style: paint.yellow } : item.due;
}

function lastCell(t: Messages, item: DueItem): string {
  const c = item.lastContact;
  if (!c) return t.ui.never;
  return `${c.date.slice(5)} ${t.word.kind[c.kind]}${c.note ? `${t.word.colon}${c.note}` : ''}`;
}

/** The morning list's table: its header line, then one line per item. `today --work` shows the same rows. */
export function dueRows(t: Messages, items: DueItem[], on: Day, width?: number): string[] {
  const c = t.ui.col;
  return table(
    [
      // On a narrow terminal the phone number and why they are due matter most: what the
      // group heading and the closing tip repeat goes first; the last contact goes before the
      // reason, and a phone number is never cut.
      { header: c.tier, drop: 2 },
      { header: c.id, align: 'right', whole: true },
      { header: c.name, max: 20 },
      { header: c.phone, whole: true },
      { header: c.stage, drop: 3 },
      { header: c.due, whole: true },
      { header: c.why },
      { header: c.open, drop: 1 },
      { header: c.last, flex: true, drop: 4 },
    ],
    items.map((i) => [
      i.group === 'customers' ? t.word.customer : i.tier,
      String(i.id),
      i.name,
      i.phone ?? '',
      stageName(t, i.stage, i.trade),
      dueCell(t, i, on),
      // A milestone's note is what to prepare: the list shows it (the calendar puts it in the event's description).
      `${reasonText(t, i)}${i.milestone?.note ? `${t.word.colon}${i.milestone.note}` : ''}`,
      topicName(t, i.topic),
      lastCell(t, i),
    ]),
    { width, style: paint.dim },
  ).lines;
}

export function todayView(t: Messages, d: TodayData): string {
  const overdue = d.items.filter((i) => i.overdueDays > 0).length;
  const dueOn = d.items.filter((i) => i.due === d.on).length;
  const later = d.items.length - overdue - dueOn;
  const head = `${d.on} ${t.word.weekday[weekday(d.on)]}`;
  const plain = (s: string) => s;
  const laterPart: [string, (s: string) => string][] = later ? [[t.ui.summaryLater({ count: later }), plain]] : [];
  const parts: [string, (s: string) => string][] = [
    [t.ui.summaryDue({ count: dueOn }), plain],
    [t.ui.summaryOverdue({ count: overdue }), overdue ? paint.red : plain],
    ...laterPart,
    [t.ui.summaryGoal({ done: d.contactsToday, goal: d.goal }), plain],
  ];
  const summary = parts.map(([text]) => text).join(' · ');
  const painted = parts.map(([text, style]) => style(text)).join(' · ');
  // On a narrow screen the summary goes under the date, and wraps between its parts if need be.
  const fits = (text: string) => !d.width || displayWidth(text) <= d.width;
  const lines = fits(`${head}  ${summary}`)
    ? [`${paint.bold(head)}  ${painted}`]
    : [paint.bold(head), ...(fits(summary) ? [painted] : wrap(summary, d.width, 2))];
  const say = (text: string) => wrap(text, d.width, 2);
  if (d.items.length === 0) {
    lines.push('', ...say(t.ui.nothingDue));
    if (d.next) {
      const { id, name, due, reason } = d.next;
      lines.push(...say(t.ui.nextUp({ id, name: safe(name), day: due, reason: t.word.reason[reason] })));
    }
    return lines.join('\n');
  }

  const shown = d.items.slice(0, d.limit);
  const rows = dueRows(t, shown, d.on, d.width);

  const [header = '', ...body] = rows;
  lines.push('', header);
  let group = '';
  shown.forEach((item, n) => {
    // The day's appointments head the list under their own heading, by time.
    const heading = item.reason === 'appointment' ? 'appointments' : item.group;
    if (heading !== group) {
      group = heading;
      lines.push(paint.bold(heading === 'appointments' ? t.ui.appointmentsHeading : tierHeading(t, heading, shown)));
    }
    lines.push(body[n] ?? '');
  });
  if (d.items.length > shown.length)
    lines.push('', ...say(t.ui.more({ count: d.items.length - shown.length })).map((l) => paint.dim(l)));
  if (!d.noTip) lines.push('', ...todayTip(t, shown, d.width));
  return lines.join('\n');
}

/**
 * The tip under the morning list. It names the first row's script itself, so it reads right whether
 * or not the "open with" column fitted; its two commands go on lines of their own when narrow.
 */
export function todayTip(t: Messages, shown: DueItem[], width?: number): string[] {
  const [first] = shown;
  if (!first) return [];
  const tip = t.ui.todayTip({ id: first.id, topic: topicName(t, first.topic) });
  const lines = !width || displayWidth(tip) <= width ? [tip] : tip.split(/ {3}/).flatMap((part) => wrap(part, width, 2));
  return lines.map((l) => paint.dim(l));
}

/**
 * A tier's heading worded for who is under it: an individual's window ("within a month"), a unit
 * account's own label when all are organisations, or both when they share the group.
 */
function tierHeading(t: Messages, group: string, items: DueItem[]): string {
  const under = items.filter((i) => i.group === group && i.reason !== 'appointment');
  const orgs = under.filter((i) => i.org).length;
  const person = labelOf(t.word.tier, group) ?? group;
  if (orgs === 0 || group === 'customers') return person;
  const unit = labelOf(t.word.orgTier, group) ?? group;
  return orgs === under.length ? unit : t.ui.tierMixed({ person, unit });
}
