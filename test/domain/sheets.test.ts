// Issue 12 item 6: one spec per sheet gives the headers written and the mapping read back.
import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../src/domain/exchange.js';
import { finishProspectRow, headerOf, PROSPECT_SHEET, VISIT_SHEET, type Cell } from '../../src/domain/sheets.js';

describe('report sheets', () => {
  for (const [kind, sheet] of [
    ['prospects', PROSPECT_SHEET],
    ['visits', VISIT_SHEET],
  ] as const) {
    for (const lang of ['en', 'zh'] as const) {
      it(`${kind}: the ${lang} headers dealer writes map back to their columns`, () => {
        const map = mapHeader(
          kind,
          sheet.map((c) => headerOf(c, lang)),
        );
        expect(map).toEqual({ at: Object.fromEntries(sheet.map((c, i) => [c.key, i])), ignored: [] });
      });
    }
  }

  it('finishes a prospect row: the tier as of the day, days overdue, the extras taken off', () => {
    const row: Cell[] = PROSPECT_SHEET.map(() => null);
    const at = (k: string) => PROSPECT_SHEET.findIndex((c) => c.key === k);
    row[at('tier')] = 'C';
    row[at('expected_purchase')] = '2026-03-15';
    row[at('next_callback')] = '2026-03-01';
    row.push(0);
    const done = finishProspectRow(row, '2026-03-10');
    expect(done).toHaveLength(PROSPECT_SHEET.length);
    expect(done[at('tier')]).toBe('O');
    expect(done[at('overdue_days')]).toBe(9);
  });
});
