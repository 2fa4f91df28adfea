// What a screen names in the prospect's trade and language: a contact's stage, a funnel's sources.
import { describe, expect, it } from 'vitest';
import { contactsTable } from '../../src/output/contacts.js';
import { summaryTable } from '../../src/output/summary.js';
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
});
