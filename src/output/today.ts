// The morning list as text: a summary line, then the due items grouped by tier, hottest first,
// customers last.
import { weekday, type Day } from '../domain/dates.js';
import type { DueItem } from '../domain/due.js';
import type { Messages } from '../i18n/en.js';
import { paint } from './color.js';
import { columns } from './columns.js';

export interface TodayData {
  on: Day;
  items: DueItem[];
  limit: number;
  contactsToday: number;
  goal: number;
  next?: DueItem;
  width?: number;
}

function dueCell(t: Messages, item: DueItem, on: Day): string {
  if (item.overdueDays > 0) return paint.red(t.ui.overdue({ days: item.overdueDays }));
  return item.due === on ? paint.yellow(t.ui.dueToday) : item.due;
}

function lastCell(t: Messages, item: DueItem): string {
  const c = item.lastContact;
  if (!c) return t.ui.never;
  return `${c.date.slice(5)} ${t.word.kind[c.kind]}${c.note ? `${t.word.colon}${c.note}` : ''}`;
}

export function todayView(t: Messages, d: TodayData): string {
  const overdue = d.items.filter((i) => i.overdueDays > 0).length;
  const dueOn = d.items.filter((i) => i.due === d.on).length;
  const later = d.items.length - overdue - dueOn;
  const head = paint.bold(`${d.on} ${t.word.weekday[weekday(d.on)]}`);
  const summary = [
    t.ui.summaryDue({ count: dueOn }),
    overdue ? paint.red(t.ui.summaryOverdue({ count: overdue })) : t.ui.summaryOverdue({ count: 0 }),
    ...(later ? [t.ui.summaryLater({ count: later })] : []),
    t.ui.summaryGoal({ done: d.contactsToday, goal: d.goal }),
  ].join(' · ');
  const lines = [`${head}  ${summary}`];
  if (d.items.length === 0) {
    lines.push('', t.ui.nothingDue);
    if (d.next) {
      const { id, name, due, reason } = d.next;
      lines.push(t.ui.nextUp({ id, name, day: due, reason: t.word.reason[reason]! }));
    }
    return lines.join('\n');
  }

  const shown = d.items.slice(0, d.limit);
  const c = t.ui.col;
  const table = columns(
    [
      // On a narrow terminal the phone number and why they are due matter most: what the
      // group heading and the closing tip repeat goes first.
      { header: c.tier!, drop: 2 },
      { header: c.id!, align: 'right' },
      { header: c.name!, max: 20 },
      { header: c.phone! },
      { header: c.stage!, drop: 3 },
      { header: c.due! },
      { header: c.why! },
      { header: c.open!, drop: 1 },
      { header: c.last!, flex: true },
    ],
    shown.map((i) => [
      i.group === 'customers' ? t.word.customer : i.tier,
      String(i.id),
      i.name,
      i.phone ?? '',
      t.word.stage[i.stage]!,
      dueCell(t, i, d.on),
      t.word.reason[i.reason]!,
      i.topic,
      lastCell(t, i),
    ]),
    { width: d.width, style: paint.dim },
  ).split('\n');

  lines.push('', table[0]!);
  let group = '';
  shown.forEach((item, n) => {
    if (item.group !== group) {
      group = item.group;
      lines.push(paint.bold(t.word.tier[group]!));
    }
    lines.push(table[n + 1]!);
  });
  if (d.items.length > shown.length) lines.push('', paint.dim(t.ui.more({ count: d.items.length - shown.length })));
  lines.push('', paint.dim(t.ui.todayTip({ id: shown[0]!.id, topic: shown[0]!.topic })));
  return lines.join('\n');
}
