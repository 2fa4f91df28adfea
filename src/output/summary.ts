// The summary reports on screen (funnel, activity, tiers): the same aligned columns as every list,
// fitted to the terminal, in the message language. The cells are the report's own (as in the CSV);
// only what a person reads is translated: headers, stages, sources, yes/no.
import { headerOf, type Column as SheetColumn, type HeaderLang } from '../domain/sheets.js';
import type { Messages } from '../i18n/en.js';
import { paint } from './color.js';
import { columns as tableText, type Column } from './columns.js';
import { labelOf } from '../i18n/label.js';

/**
 * Never left out: what a row is about, and the numbers the report exists for. The other counts
 * (contacts of one kind, later buyers, the lost, the open) go when the screen is narrow, the least
 * counted first — a column of zeros says nothing.
 */
const KEPT = new Set([
  'date',
  'total',
  'goal',
  'met',
  'source',
  'stage',
  'reached',
  'conversion_pct',
  'tier',
  'graded',
  'bought_within_window',
  'within_pct',
]);
const WORDS = new Set(['date', 'source', 'stage', 'tier', 'met']);

function word(t: Messages, column: string, value: string): string {
  if (column === 'stage') return labelOf(t.word.stage, value) ?? value;
  // A prospect with no source is counted under the report's own key `unknown` (domain/report.ts).
  if (column === 'source')
    return value === 'all' ? t.word.allSources : value === 'unknown' ? t.word.unknownSource : (labelOf(t.word.source, value) ?? value);
  if (column === 'met') return value === 'yes' ? t.word.yes : value === 'no' ? t.word.no : value;
  return value;
}

export function summaryTable(
  t: Messages,
  sheet: readonly SheetColumn[],
  rows: string[][],
  o: { lang: HeaderLang; width?: number; screen: boolean },
): string {
  const columns = sheet.map((c) => c.key);
  const sum = (i: number) => rows.reduce((s, r) => s + (Number(r[i]) || 0), 0);
  const droppable = columns
    .map((c, i) => ({ i, c, sum: sum(i) }))
    .filter(({ c }) => !KEPT.has(c))
    // The least counted first; of equals, the rightmost (the rarer kinds come last).
    .sort((a, b) => a.sum - b.sum || b.i - a.i);
  const cols: Column[] = columns.map((c, i) => {
    const rank = droppable.findIndex((d) => d.i === i);
    return {
      header: headerOf(sheet[i], o.lang),
      whole: KEPT.has(c),
      drop: rank < 0 ? undefined : rank + 1,
      align: WORDS.has(c) ? undefined : 'right',
    };
  });
  const cells = rows.map((r) => r.map((v, i) => word(t, columns[i], v)));
  return tableText(cols, cells, { width: o.width, style: o.screen ? paint.dim : undefined });
}
