// What classify says: the tier move and, when the qualification facts are known, the verdict.
import type { Day } from '../domain/dates.js';
import type { Prospect } from '../domain/prospect.js';
import type { Tier, Verdict } from '../domain/tier.js';
import type { Messages } from '../i18n/en.js';
import { paint } from './color.js';
import { columns, wrap } from './columns.js';
import { tierLabel } from './prospect.js';
import { safe } from './screen.js';
import { when } from './when.js';

export interface Move {
  id: number;
  name: string;
  from: Tier;
  to: Tier;
  expected: Day;
  nextCallback: Day | null;
}

export interface Passed {
  id: number;
  name: string;
  tier: Tier;
  expected: Day;
}

export function verdictText(
  t: Messages,
  r: { prospect: Prospect; before: Tier; after: Tier; verdict: Verdict | null },
  today: Day,
): string {
  const p = r.prospect;
  const label = tierLabel(t, r.after, p.kind);
  const move = r.before === r.after ? label : `${r.before} → ${label}`;
  const lines = [paint.bold(`#${p.id} ${safe(p.name)}${t.word.colon}${move}`)];
  if (r.verdict) lines.push(`  ${t.ui.verdict[r.verdict]}`);
  lines.push(
    `  ${t.ui.nextCallback}${t.word.colon}${p.nextCallback ? when(t, p.nextCallback, today) : t.ui.noCallback}`,
  );
  if (r.verdict === 'not-prospect') lines.push(paint.dim(t.ui.notProspectHint({ id: p.id })));
  return lines.join('\n');
}

export function regraded(t: Messages, r: { moved: Move[]; windowPassed: Passed[] }, on: Day, width?: number): string {
  const c = t.ui.col;
  const lines: string[] = [];
  if (r.moved.length === 0) lines.push(t.ui.noMoves({ date: on }));
  else {
    lines.push(...wrap(t.ui.moves({ count: r.moved.length, date: on }), width, 2).map((l) => paint.bold(l)));
    lines.push(
      columns(
        [
          { header: c.id, align: 'right', whole: true },
          { header: c.name, max: 24 },
          { header: c.tier, whole: true },
          { header: c.expected, whole: true },
          { header: c.next, drop: 1 },
        ],
        r.moved.map((m) => [String(m.id), m.name, `${m.from} → ${m.to}`, m.expected, m.nextCallback ?? '']),
        { width, style: paint.dim },
      ),
    );
  }
  if (r.windowPassed.length) {
    lines.push('', ...wrap(t.ui.windowPassed({ count: r.windowPassed.length }), width, 2).map((l) => paint.bold(l)));
    lines.push(
      columns(
        [
          { header: c.id, align: 'right', whole: true },
          { header: c.name, max: 24 },
          { header: c.tier },
          { header: c.expected, whole: true },
        ],
        r.windowPassed.map((w) => [String(w.id), w.name, w.tier, w.expected]),
        { width, style: paint.dim },
      ),
    );
    lines.push(...wrap(t.ui.windowPassedHint({ id: r.windowPassed[0].id }), width, 2).map((l) => paint.dim(l)));
  }
  return lines.join('\n');
}
