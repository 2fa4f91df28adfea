// `dealer greet`: one block per person — who, how to reach them, and the message to paste.
import type { Day } from '../domain/dates.js';
import type { Messages } from '../i18n/en.js';
import { paint } from './color.js';
import { wrap } from './columns.js';
import { safe } from './screen.js';
import { when } from './when.js';
import { labelOf } from '../i18n/label.js';

export interface GreetLine {
  id: number;
  name: string;
  salutation: string;
  phone: string | null;
  wechat: string | null;
  group: 'customer' | 'O' | 'A';
  message: string;
}

export function renderGreetings(
  t: Messages,
  d: { festival: string; date: Day; today: Day; people: GreetLine[]; width?: number },
): string {
  const lines = [
    paint.bold(
      t.ui.greetHead({
        name: labelOf(t.ui.festival, d.festival) ?? d.festival,
        date: when(t, d.date, d.today),
        count: d.people.length,
      }),
    ),
  ];
  if (d.people.length === 0) return [...lines, '', t.ui.greetNone].join('\n');
  for (const p of d.people) {
    const full = t.lang === 'zh' ? `（${p.name}）` : ` (${p.name})`;
    const who = p.salutation === p.name ? p.name : `${p.salutation}${full}`;
    const reach = [p.phone, p.wechat && `${t.ui.field.wechat} ${p.wechat}`].filter(Boolean).join(' · ');
    const group = p.group === 'customer' ? t.word.customer : p.group;
    lines.push('', paint.bold(safe(`#${p.id} ${who}`)) + paint.dim(safe(` · ${group}${reach ? ` · ${reach}` : ''}`)));
    lines.push(...wrap(p.message, d.width && d.width - 2, 0).map((l) => `  ${l}`));
  }
  lines.push('', paint.dim(t.ui.greetTip));
  return lines.join('\n');
}
