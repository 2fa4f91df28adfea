// What a screen names in the prospect's trade and language: a contact's stage, a funnel's sources.
import { describe, expect, it } from 'vitest';
import { contactsTable } from '../../src/output/contacts.js';
import { summaryTable } from '../../src/output/summary.js';
import { recorded } from '../../src/output/contact.js';
import { withTrade } from '../../src/output/trade.js';
import { zh } from '../../src/i18n/zh.js';
import { FUNNEL_SHEET } from '../../src/domain/sheets.js';
import type { Contact, Prospect } from '../../src/domain/prospect.js';

describe('trade and language words on screen', () => {
  it("a contact's stage is named in the prospect's trade, not the book's", () => {
    const p = { id: 1, name: '王建国', trade: 'travel' } as Prospect;
    const c: Contact = { id: 7, prospectId: 1, date: '2026-09-22', kind: 'call', outcome: null, note: null, stage: 'presented', objections: [], created: '' };
    expect(contactsTable(zh, p, [c], 100)).toContain('已报价');
  });

  it('the funnel names prospects of no source in Chinese', () => {
    const out = summaryTable(zh, FUNNEL_SHEET, [['unknown', 'new', '3', '']], {
      lang: 'zh',
      width: 80,
      screen: true,
    });
    expect(out).toContain('来源不明');
    expect(out).not.toContain('unknown');
  });

  it('the hand-over is named in the trade: a trip comes home (回团), a car in a travel book is still delivered (交车)', () => {
    const travel = withTrade(zh, 'travel');
    const plan = { stage: 'delivered' as const, tier: 'C' as const, nextCallback: null, add: [{ reason: 'delivery-check' as const, due: '2026-09-27', since: '2026-09-20' }], clear: [] };
    const said = (trade: 'car' | null) =>
      recorded(travel, { prospect: { id: 1, name: '王', stage: 'delivered', trade, nextCallback: null } as unknown as Prospect, kind: 'delivery', date: '2026-09-20', plan, wasLost: false }, '2026-09-20');
    expect(said(null)).toContain('的回团');
    expect(said(null)).toContain('回团回访');
    expect(said('car')).toContain('的交车');
    expect(said('car')).toContain('交车回访');
    expect(withTrade(zh, 'real-estate').word.kind.delivery).toBe('交房');
    // The card's hand-over line too: 回团 已回团 2026-09-20, not 交车 已交车.
    expect(travel.ui.field.delivery).toBe('回团');
    expect(travel.ui.deliveryDates({ planned: '', done: '2026-09-20' })).toBe('已回团 2026-09-20');
    expect(withTrade(travel, 'car').ui.deliveryDates({ planned: '', done: '2026-09-20' })).toBe('已交车 2026-09-20');
  });
});
