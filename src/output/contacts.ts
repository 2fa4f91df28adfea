// A prospect's contacts as a table, oldest first, with the ids `dealer contact edit` takes.
import type { Day } from '../domain/dates.js';
import type { Contact, Prospect } from '../domain/prospect.js';
import type { Messages } from '../i18n/en.js';
import { paint } from './color.js';
import { columns, wrap } from './columns.js';
import { safe } from './screen.js';
import { when } from './when.js';
import { stageName } from './trade.js';

export function contactsTable(t: Messages, p: Prospect, list: Contact[], width?: number): string {
  const head = paint.bold(`#${p.id} ${p.name}`);
  if (list.length === 0) return `${head}\n${t.ui.noContacts({ id: p.id })}`;
  const c = t.ui.col;
  const table = columns(
    [
      { header: c.id, align: 'right' },
      { header: c.date },
      { header: c.kind },
      { header: c.stage, drop: 2 },
      { header: c.outcome, max: 24, drop: 1 },
      { header: c.note, flex: true },
    ],
    list.map((x) => [
      String(x.id),
      x.date,
      t.word.kind[x.kind] ?? x.kind,
      x.stage ? stageName(t, x.stage, p.trade) : '',
      x.outcome ?? '',
      [x.note, x.with?.length ? t.ui.metWith({ names: x.with.map(safe).join(t.ui.listSeparator) }) : '']
        .filter(Boolean)
        .join(' — '),
    ]),
    { width, style: paint.dim },
  );
  const last = list.at(-1);
  const tip = last ? wrap(t.ui.contactsTip({ id: last.id }), width, 2).map((l) => paint.dim(l)) : [];
  return [head, table, ...tip].join('\n');
}

/** What `dealer contact edit|delete` says back: which contact, and the schedule now. */
export function corrected(
  t: Messages,
  r: { prospect: Prospect; contactId: number; deleted: boolean; today: Day },
): string {
  const p = r.prospect;
  const head = (r.deleted ? t.ui.contactDeleted : t.ui.contactEdited)({ contact: r.contactId, id: p.id, name: p.name });
  return [
    paint.bold(head),
    `  ${t.ui.field.stage}${t.word.colon}${stageName(t, p.stage, p.trade)}`,
    `  ${t.ui.nextCallback}${t.word.colon}${p.nextCallback ? when(t, p.nextCallback, r.today) : t.ui.noCallback}`,
  ].join('\n');
}
