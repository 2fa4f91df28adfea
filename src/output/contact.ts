// What `visit`, `won` and `lost` say back: what was recorded, when the next call is, what else is owed.
import type { Day } from '../domain/dates.js';
import type { Prospect } from '../domain/prospect.js';
import type { Plan } from '../domain/schedule.js';
import type { Messages } from '../i18n/en.js';
import { paint } from './color.js';
import { safe } from './screen.js';
import { when } from './when.js';
import { labelOf, topicName } from '../i18n/label.js';
import { stageName, withTrade } from './trade.js';

/** A deal of another trade than the book's is told in its own words (a car's 交车 in a travel book). */
const ownWords = (t: Messages, p: Prospect): Messages => (p.trade ? withTrade(t, p.trade) : t);

function owed(t: Messages, plan: Plan, today: Day): string[] {
  return plan.add.map((r) => `  ${t.word.reason[r.reason]}${t.word.colon}${when(t, r.due, today)}`);
}

export function recorded(
  t: Messages,
  r: { prospect: Prospect; kind: string; date: Day; plan: Plan; wasLost: boolean },
  today: Day,
): string {
  const p = r.prospect;
  t = ownWords(t, p);
  const lines = [
    paint.bold(
      t.ui.recorded({ kind: labelOf(t.word.kind, r.kind) ?? r.kind, id: p.id, name: safe(p.name), date: r.date }),
    ),
    `  ${t.ui.field.stage}${t.word.colon}${stageName(t, p.stage, p.trade)}`,
    `  ${t.ui.nextCallback}${t.word.colon}${p.nextCallback ? when(t, p.nextCallback, today) : t.ui.noCallback}`,
    ...owed(t, r.plan, today),
  ];
  if (r.wasLost && p.stage === 'lost') lines.push(paint.dim(t.ui.stillLost({ id: p.id })));
  return lines.join('\n');
}

export function closed(t: Messages, p: Prospect, plan: Plan, today: Day): string {
  t = ownWords(t, p);
  const head =
    p.stage === 'won'
      ? t.ui.won({ id: p.id, name: safe(p.name) })
      : t.ui.lost({ id: p.id, name: safe(p.name), reason: safe(p.lostReason ?? '') });
  const lines = [paint.bold(head), ...owed(t, plan, today)];
  if (p.stage === 'won') {
    lines.push(
      `  ${t.ui.nextCallback}${t.word.colon}${p.nextCallback ? when(t, p.nextCallback, today) : t.ui.noCallback}`,
    );
    lines.push(paint.dim(t.ui.askReferral({ id: p.id, topic: topicName(t, 'follow-up') })));
  }
  return lines.join('\n');
}
