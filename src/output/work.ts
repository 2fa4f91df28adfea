// One card of `today --work`: where we are in the list, the prospect's row as the morning list
// shows it, the last contact in full, and the first lines of the script to open with.
import type { Day } from '../domain/dates.js';
import type { DueItem } from '../domain/due.js';
import type { Messages } from '../i18n/en.js';
import { paint } from './color.js';
import { wrap } from './columns.js';
import { topicName } from '../i18n/label.js';
import { dueRows } from './today.js';

export interface Card {
  n: number;
  total: number;
  /** The prospect's due rows (usually one; a thank-you and a birthday can fall on one day). */
  items: [DueItem, ...DueItem[]];
  on: Day;
  script?: { key: string; title: string; lines: string[] };
  width?: number;
}

export function workCard(t: Messages, c: Card): string {
  const w = t.ui.work;
  const [first] = c.items;
  const say = (text: string, indent = 2) => wrap(text, c.width, indent);
  const last = first.lastContact;
  const lines = [
    '',
    paint.bold(w.progress({ n: c.n, total: c.total })),
    ...dueRows(t, c.items, c.on, c.width),
    ...say(
      last
        ? w.last({
            date: last.date,
            kind: t.word.kind[last.kind],
            note: last.note ? `${t.word.colon}${last.note}` : '',
          })
        : w.never,
    ),
  ];
  if (c.script) {
    const { key, title } = c.script;
    lines.push(...say(w.openWith({ topic: topicName(t, key), title, id: first.id })).map((l) => paint.dim(l)));
    for (const text of c.script.lines)
      lines.push(...wrap(text, c.width && c.width - 4, 0).map((l, i) => `${i ? '    ' : '  • '}${l}`));
  }
  return lines.join('\n');
}

/** How a prospect of the session was handled, in the order the summary names them. */
const OUTCOMES = ['recorded', 'done', 'snoozed', 'lost', 'skipped'] as const;

/** The end of the session, or where Ctrl-C stopped it: what was handled, and how. */
export function workSummary(
  t: Messages,
  r: { total: number; counts: Record<(typeof OUTCOMES)[number], number>; stopped: boolean },
): string {
  const w = t.ui.work;
  const worked = r.counts.recorded + r.counts.done + r.counts.snoozed + r.counts.lost;
  const parts = OUTCOMES.filter((k) => r.counts[k] > 0)
    .map((k) => w.count[k]({ count: r.counts[k] }))
    .join(t.ui.listSeparator);
  const head = (r.stopped ? w.stopped : w.finished)({ worked, total: r.total });
  return parts ? `${head} (${parts})` : head;
}
