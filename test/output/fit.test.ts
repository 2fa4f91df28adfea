// Every table fits 60, 80 and 120 columns in both languages, with Chinese and emoji names: no line
// wider than the screen, the phone never cut, the least useful columns left out first.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DueItem } from '../../src/domain/due.js';
import { en } from '../../src/i18n/en.js';
import { zh } from '../../src/i18n/zh.js';
import type { Prospect } from '../../src/domain/prospect.js';
import { displayWidth, fit, measuring, truncate, wrap } from '../../src/output/columns.js';
import { listTable } from '../../src/output/prospect.js';
import { renderScript } from '../../src/output/script.js';
import { todayView } from '../../src/output/today.js';

const NAMES = [
  '欧阳娜娜',
  'Maximilian Alexander Featherstonehaugh',
  '👨‍👩‍👧‍👦 Zhang family 张家',
  '小雨❤️🌸',
  'Liam 👍🏽',
  '🇨🇳 王磊',
  'Zoe\u0301 Müller',
];
const PHONES = ['13800138000', '+86 138 0013 8000', '0755-8888 6666'];

function item(n: number): DueItem {
  return {
    id: n + 1,
    name: NAMES[n % NAMES.length]!,
    phone: PHONES[n % PHONES.length]!,
    tier: (['O', 'A', 'B', 'C'] as const)[n % 4],
    stage: 'needs-analysed' as DueItem['stage'],
    due: '2026-02-20',
    overdueDays: 10,
    reason: (['callback', 'thank-you', 'deposit-expiry'] as const)[n % 3] as DueItem['reason'],
    lastContact: {
      date: '2026-02-19',
      kind: 'test-drive',
      note: '周末带家人来看车，关心油耗和保养费用，想要白色 and a tow bar',
    },
    topic: 'negotiate',
  };
}

// What the commands do before rendering: load the Unicode tables, since these names need them.
beforeAll(() => measuring(NAMES));

const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));

describe.each([
  ['en', en],
  ['zh', zh],
] as const)('%s', (_lang, t) => {
  it.each([60, 80, 120])('today fits %i columns, every phone whole', (width) => {
    const items = Array.from({ length: 9 }, (_, n) => item(n));
    const out = todayView(t, { on: '2026-03-02', items, limit: 50, contactsToday: 3, goal: 10, width });
    expect(widest(out)).toBeLessThanOrEqual(width);
    for (const phone of PHONES) expect(out).toContain(phone);
    // Why they are due is worth more than the columns a narrow screen leaves out.
    expect(out).toContain(t.word.reason.callback!);
  });

  it.each([60, 80, 120])('list fits %i columns, every phone whole', (width) => {
    const prospects = NAMES.map(
      (name, n) =>
        ({
          id: n + 1,
          name,
          org: n === 1 ? 'Featherstonehaugh Logistics International' : null,
          phone: PHONES[n % PHONES.length]!,
          wechat: null,
          tier: 'A',
          tierManual: true,
          expected: null,
          stage: 'negotiating',
          nextCallback: '2026-03-05',
          interest: 'BMW 3 Series 325Li M Sport 宝马3系',
        }) as unknown as Prospect,
    );
    const out = listTable(t, prospects, '2026-03-02', width);
    expect(widest(out)).toBeLessThanOrEqual(width);
    for (const phone of PHONES) expect(out).toContain(phone);
  });

  it.each([60, 80, 120])('a script wraps at %i columns between words, never inside one', (width) => {
    const text =
      'Ask what they drive now and what they would change about it, then listen for the budget and the family.';
    const zhText = '请问您现在开的是什么车？最想改变它的哪一点，然后留意预算和家里人的意见，再介绍合适的车型。';
    const out = renderScript(
      t,
      {
        key: 'consult',
        title: 'Needs analysis',
        summary: text,
        sections: [{ title: 'Questions', first: false, items: [{ text }, { text: zhText }] }],
      } as never,
      { id: 7, name: '👨‍👩‍👧‍👦 Zhang family' },
      width,
    );
    expect(widest(out)).toBeLessThanOrEqual(width);
    const items = out
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .join(' ');
    const words = items.split(/[\s•]+/).filter((w) => /^[a-z,.]+$/i.test(w));
    expect(words.length).toBe(text.split(' ').length);
    for (const w of words) expect(text.split(' ')).toContain(w);
    for (const line of out.split('\n')) expect(line.trim()).not.toMatch(/^[，。？]/);
  });
});

describe('fit', () => {
  const cols = [
    { header: 'tier', drop: 2 },
    { header: '#', whole: true },
    { header: 'name', max: 20 },
    { header: 'phone', whole: true },
    { header: 'why' },
    { header: 'open with', drop: 1 },
    { header: 'last contact', flex: true, drop: 3 },
  ];
  const row = [
    'O',
    '42',
    '欧阳娜娜 👨‍👩‍👧‍👦',
    '+86 138 0013 8000',
    'callback',
    'negotiate',
    '周末带家人来看车，关心油耗和保养费用',
  ];

  it('leaves columns out in their order, and gives room back to the note', () => {
    const at = (width: number) => fit(cols, [row], width);
    expect(at(120).keep).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(at(80).keep).not.toContain(5);
    expect(at(80).keep).toContain(6);
    expect(at(60).keep).toEqual([1, 2, 3, 4, 6]);
    expect(at(40).keep).toEqual([1, 2, 3, 4]);
    for (const w of [40, 60, 80, 120]) {
      const { keep, widths } = at(w);
      expect(keep.reduce((sum, i) => sum + widths[i]!, 0) + 2 * (keep.length - 1)).toBeLessThanOrEqual(w);
      expect(widths[3]).toBe(displayWidth(row[3]!));
    }
  });
});

describe('display widths from the Unicode tables', () => {
  it.each([
    ['👨‍👩‍👧‍👦', 2],
    ['❤️', 2],
    ['👍🏽', 2],
    ['🇨🇳', 2],
    ['王磊', 4],
    ['e\u0301', 1],
    ['小雨❤️🌸', 8],
  ])('%s is %i columns', (text, width) => expect(displayWidth(text)).toBe(width));

  it('never cuts an emoji sequence in two', () => {
    expect(truncate('👨‍👩‍👧‍👦👨‍👩‍👧‍👦abc', 4)).toBe('👨‍👩‍👧‍👦…');
    expect(truncate('🇨🇳🇨🇳🇨🇳', 5)).toBe('🇨🇳🇨🇳…');
  });

  it('wraps Chinese between any two characters, English only at spaces', () => {
    expect(wrap('一二三四五六七八九十', 8)).toEqual(['一二三四', '五六七八', '九十']);
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });
});
