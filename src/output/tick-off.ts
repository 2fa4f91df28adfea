// What `done` and `snooze` say back: what was due, and when the next call is now.
import type { Day } from '../domain/dates.js';
import type { Prospect } from '../domain/prospect.js';
import type { Messages } from '../i18n/en.js';
import { paint } from './color.js';
import { when } from './when.js';
import { labelOf } from '../i18n/label.js';

export function ticked(t: Messages, r: { prospect: Prospect; handled: string[]; today: Day; to?: Day }): string {
  const p = r.prospect;
  // A milestone is acknowledged, not done: "Done: thank-you, milestone" and then "it stays" would
  // contradict itself, so it is named only on its own line below.
  const onlyMilestone = !r.to && r.handled.length === 1 && r.handled[0] === 'milestone';
  const shown = r.to || onlyMilestone ? r.handled : r.handled.filter((h) => h !== 'milestone');
  const what = shown.map((h) => labelOf(t.word.reason, h) ?? h).join(t.ui.listSeparator);
  const head = r.to
    ? t.ui.snoozed({ id: p.id, name: p.name, what, date: r.to })
    : onlyMilestone
      ? t.ui.milestoneAcknowledged({ id: p.id, name: p.name })
      : t.ui.ticked({ id: p.id, name: p.name, what });
  return [
    paint.bold(head),
    `  ${t.ui.nextCallback}${t.word.colon}${p.nextCallback ? when(t, p.nextCallback, r.today) : t.ui.noCallback}`,
    // Acknowledged, not done: the customer's day stays on the list until it has passed.
    ...(r.handled.includes('milestone') && !onlyMilestone ? [`  ${t.ui.milestoneNoted}`] : []),
  ].join('\n');
}
